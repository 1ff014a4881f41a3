/** Bulk emails: {@code POST /v1/bulk-email} in chunks, and {@code GET /v1/bulk-email/{id}} with polling. */
package com.rabaislocal.sdk.mailersend.bulk;
