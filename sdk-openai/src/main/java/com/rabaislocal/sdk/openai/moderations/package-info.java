/** OpenAI's moderations, with open category maps. */
package com.rabaislocal.sdk.openai.moderations;
