/** Strict JSON schemas of Java records for structured outputs and tool arguments. */
package com.rabaislocal.sdk.openai.schema;
