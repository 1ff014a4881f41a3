/**
 * Configuration of the RabaisLocal SDK: the deployment ({@link com.rabaislocal.sdk.core.config.RabaisEnvironment}),
 * every variable of the platform's shared environment ({@link com.rabaislocal.sdk.core.config.ConfigKey}), resolved
 * from programmatic values, system properties, environment variables and a {@code .env} file, in that order of
 * precedence, and validated as a whole ({@link com.rabaislocal.sdk.core.config.SdkConfig}). Each service module asks
 * only for its own settings ({@link com.rabaislocal.sdk.core.config.SupabaseSettings} and siblings); credentials come
 * through {@link com.rabaislocal.sdk.core.config.CredentialProvider}s that follow key rotation; and
 * {@link com.rabaislocal.sdk.core.config.ConfigDiagnosis} explains a configuration without revealing any secret.
 * Everything this package logs goes to the logger {@code com.rabaislocal.sdk.core.config}.
 */
package com.rabaislocal.sdk.core.config;
