/** Email activity: list per domain and get. */
package com.rabaislocal.sdk.mailersend.activity;
