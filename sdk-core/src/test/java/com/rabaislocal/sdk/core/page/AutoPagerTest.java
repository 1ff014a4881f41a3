package com.rabaislocal.sdk.core.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The auto-pager over every paging style, and its valve against servers that repeat themselves. */
class AutoPagerTest {

    record Item(String id) {
    }

    private static List<Item> items(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(i -> new Item("i" + i)).collect(Collectors.toList());
    }

    @Test
    void offsetPagingStopsOnAShortPageAndFetchesLazily() {
        List<long[]> calls = new ArrayList<>();
        AutoPager<Item> pager = AutoPager.<Item>offset(10, (offset, limit) -> {
            calls.add(new long[] {offset, limit});
            return items((int) offset, (int) Math.min(offset + limit, 25));
        }).build();

        Iterator<Item> it = pager.iterator();
        assertEquals("i0", it.next().id());
        assertEquals(1, calls.size(), "one request until the caller reaches the end of the first page");

        List<Item> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(24, rest.size());
        assertEquals(3, calls.size(), "pages at 0, 10 and 20; the short third page is the last");
        assertEquals(20, calls.get(2)[0]);
        assertEquals(10, calls.get(2)[1]);
    }

    @Test
    void aFullLastPageCostsOneEmptyRequest() {
        List<Long> offsets = new ArrayList<>();
        List<Item> all = AutoPager.<Item>offset(5, (offset, limit) -> {
            offsets.add(offset);
            return items((int) offset, (int) Math.min(offset + limit, 10));
        }).build().toList();
        assertEquals(10, all.size());
        assertEquals(List.of(0L, 5L, 10L), offsets);
    }

    @Test
    void keysetPagingSendsTheLastIdAndSkipsRepeats() {
        List<String> sinceIds = new ArrayList<>();
        AutoPager<Item> pager = AutoPager.<Item>keyset(3, Item::id, (afterId, limit) -> {
            sinceIds.add(afterId);
            if (afterId == null) {
                return items(0, 3);
            }
            if (afterId.equals("i2")) {
                // The server overlaps: it sends i2 again with the next ones.
                return List.of(new Item("i2"), new Item("i3"), new Item("i4"));
            }
            return items(5, 6);
        }).build();

        assertEquals(List.of("i0", "i1", "i2", "i3", "i4", "i5"),
                pager.stream().map(Item::id).collect(Collectors.toList()));
        assertEquals(java.util.Arrays.asList(null, "i2", "i4"), sinceIds);
    }

    @Test
    void aServerThatRepeatsTheSamePageForeverEndsWithEveryItemOnce() {
        int[] requests = {0};
        // Ignores the cursor, like an endpoint that ignores `page`: always the same full page.
        AutoPager<Item> pager = AutoPager.<Item>builder(cursor -> {
            requests[0]++;
            return Page.of(items(0, 4), "next");
        }).idOf(Item::id).build();

        assertEquals(4, pager.toList().size());
        assertEquals(2, requests[0], "the second page held no unseen id, so the walk stopped");
    }

    @Test
    void theMaximumPageCountStopsAWalkWithoutIds() {
        int[] requests = {0};
        AutoPager<Item> pager = AutoPager.<Item>builder(cursor -> {
            requests[0]++;
            int n = cursor == null ? 0 : Integer.parseInt(cursor);
            return Page.of(items(n, n + 2), Integer.toString(n + 2));
        }).maxPages(3).build();
        assertEquals(6, pager.toList().size());
        assertEquals(3, requests[0]);
    }

    @Test
    void cursorPagingFollowsTheCursorUntilNone() {
        List<String> cursors = new ArrayList<>();
        AutoPager<Item> pager = AutoPager.of(cursor -> {
            cursors.add(cursor);
            if (cursor == null) {
                return Page.of(items(0, 2), "tok-2");
            }
            return Page.last(items(2, 3));
        });
        List<Page<Item>> pages = new ArrayList<>();
        pager.pages().forEach(pages::add);
        assertEquals(2, pages.size());
        assertEquals("tok-2", pages.get(0).nextCursor());
        assertTrue(pages.get(1).next().isEmpty());
        assertEquals(java.util.Arrays.asList(null, "tok-2"), cursors);
        // A pager is a recipe: a second walk starts again from the first page.
        assertEquals(3, pager.toList().size());
        assertEquals(4, cursors.size());
    }

    @Test
    void aCursorThatDoesNotMoveEndsTheWalk() {
        int[] requests = {0};
        AutoPager<Item> pager = AutoPager.of(cursor -> {
            requests[0]++;
            return Page.of(items(requests[0] * 10, requests[0] * 10 + 1), "same");
        });
        assertEquals(2, pager.toList().size());
        assertEquals(2, requests[0]);
    }

    @Test
    void invalidSettingsAreRefusedTogether() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> AutoPager.<Item>builder(null).maxPages(0).name(" ").build());
        assertTrue(e.getMessage().contains("fetcher"), e.getMessage());
        assertTrue(e.getMessage().contains("maxPages"), e.getMessage());
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertThrows(ValidationException.class, () -> AutoPager.<Item>offset(0, (o, l) -> List.of()));
    }

    @Test
    void fetcherFailuresReachTheCaller() {
        AutoPager<Item> pager = AutoPager.of(cursor -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, pager::toList);
    }
}
