package com.rabaislocal.sdk.supabase.auth;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of {@code GET /admin/users}. The next and last page numbers come from the {@code Link} header, each
 * read whole with the pattern {@code [?&]page=(\d+)} (page 12 is 12, not 1 as in auth-js#793), and the total from
 * {@code x-total-count}.
 *
 * @param users the users on this page, in GoTrue's order
 * @param page this page's number, from 1
 * @param perPage the page size asked for
 * @param total how many users exist in all, if GoTrue said
 * @param nextPage the next page's number, empty on the last page
 * @param lastPage the last page's number, if GoTrue said
 */
public record UserPage(List<User> users, int page, int perPage, OptionalLong total, OptionalInt nextPage,
        OptionalInt lastPage) {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*\"?([^\";]+)\"?");
    private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");

    /**
     * Creates the value, copying its collections.
     *
     * @param users the users on this page, in GoTrue's order
     * @param page this page's number, from 1
     * @param perPage the page size asked for
     * @param total how many users exist in all, if GoTrue said
     * @param nextPage the next page's number, empty on the last page
     * @param lastPage the last page's number, if GoTrue said
     */
    public UserPage {
        // A copy, so the record stays immutable.
        users = List.copyOf(users);
    }

    /** @return whether a further page exists */
    public boolean hasNext() {
        return nextPage.isPresent();
    }

    /**
     * Finds the page number a {@code Link} header gives for a relation.
     *
     * @param linkHeader e.g. {@code </admin/users?page=12&per_page=2>; rel="next", </admin/users?page=13&per_page=2>;
     *     rel="last"}, or null
     * @param rel the relation, e.g. {@code next}
     * @return the whole page number, empty when the header or the relation is absent
     */
    static OptionalInt pageOf(String linkHeader, String rel) {
        if (linkHeader == null) {
            return OptionalInt.empty();
        }
        Matcher link = LINK.matcher(linkHeader);
        while (link.find()) {
            Matcher relMatch = REL.matcher(link.group(2));
            if (relMatch.find() && List.of(relMatch.group(1).trim().split("\\s+")).contains(rel)) {
                Matcher page = PAGE.matcher(link.group(1));
                if (page.find()) {
                    try {
                        return OptionalInt.of(Integer.parseInt(page.group(1)));
                    } catch (NumberFormatException tooLarge) {
                        return OptionalInt.empty();
                    }
                }
            }
        }
        return OptionalInt.empty();
    }
}
