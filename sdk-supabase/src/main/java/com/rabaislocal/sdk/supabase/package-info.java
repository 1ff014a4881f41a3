/** RabaisLocal SDK: supabase. */
package com.rabaislocal.sdk.supabase;
