/**
 * Configuration of the SDK: the RabaisLocal environments, the variables the seed names, where they are read from and
 * in which order, their validation, and credentials ({@link com.rabaislocal.sdk.core.config.Secret},
 * {@link com.rabaislocal.sdk.core.config.CredentialProvider}) that never print and can rotate.
 */
package com.rabaislocal.sdk.core.config;
