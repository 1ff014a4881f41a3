/**
 * Supabase auto-configuration: clients, JWT verifier, audit sink, CRUD template.
 */
package com.rabaislocal.sdk.spring.supabase;
