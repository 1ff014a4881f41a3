/**
 * RabaisLocal's AI agents (module F, table {@code ai_agents}): {@link com.rabaislocal.sdk.openai.agents.AgentRunner}
 * with its stores, Java tools, price table, run results and audit event.
 */
package com.rabaislocal.sdk.openai.agents;
