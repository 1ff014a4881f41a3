/** An in-process stand-in of OpenAI's API: scripted chat replies, plain and streamed, models and moderations. */
package com.rabaislocal.sdk.testing.openai;
