/** The weekly blueprint backup: stable JSON files, a manifest and a semantic version per scenario. */
package com.rabaislocal.sdk.make.backup;
