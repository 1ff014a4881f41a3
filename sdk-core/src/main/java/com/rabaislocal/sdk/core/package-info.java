/**
 * The shared plumbing of the RabaisLocal SDK: configuration ({@code config}), HTTP transport ({@code http}),
 * retry ({@code retry}), errors ({@code error}), JSON ({@code json}) and audit logging ({@code audit}).
 * Service modules build on these packages and never re-implement them.
 */
package com.rabaislocal.sdk.core;
