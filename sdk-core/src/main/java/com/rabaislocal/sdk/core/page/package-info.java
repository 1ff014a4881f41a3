/**
 * Pages and the auto-pager every listing of every module is built on: {@link com.rabaislocal.sdk.core.page.Page},
 * {@link com.rabaislocal.sdk.core.page.PageFetcher} and {@link com.rabaislocal.sdk.core.page.AutoPager} (offset,
 * keyset, cursor and Link-header paging, with a valve against servers that repeat a page).
 */
package com.rabaislocal.sdk.core.page;
