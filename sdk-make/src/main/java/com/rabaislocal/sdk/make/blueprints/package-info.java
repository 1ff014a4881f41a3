/** Scenarios' blueprints and their saved versions. */
package com.rabaislocal.sdk.make.blueprints;
