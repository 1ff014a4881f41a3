package com.rabaislocal.sdk.supabase.postgrest;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * The filters shared by queries ({@link FilterBuilder}) and logic trees ({@link Conditions}), named as in
 * postgrest-js. Every method ends in {@link #filter(String, String, Object)}, which encodes the value for its
 * context: literally at the top level of a query parameter, quoted and escaped inside {@code or}/{@code and} trees
 * and lists. No value can add a filter or break a list, whatever characters it holds.
 *
 * <p>Values are converted with the SDK's JSON mapper, as request bodies are: numbers and booleans stay bare,
 * {@code java.time} values become ISO-8601 text, enums their name, maps and records JSON objects.
 *
 * @param <B> the builder type returned for chaining
 */
public interface Filterable<B> {

    /**
     * Adds a filter with any PostgREST operator; the other methods are shorthands for it.
     *
     * @param column the column; {@code rel.col} filters an embedded resource at the top level of a query, a JSON
     *     path ({@code data->>city}) is allowed
     * @param operator {@code eq, neq, gt, gte, lt, lte, like, ilike, match, imatch, is, isdistinct, in, cs, cd, ov,
     *     sl, sr, nxl, nxr, adj, fts, plfts, phfts, wfts}, optionally prefixed with {@code not.}, quantified
     *     ({@code like(any)}) or with a text search configuration ({@code wfts(french)})
     * @param value the value: for {@code in} a Collection or array (a String is taken as an already formatted
     *     list, e.g. {@code "(1,2)"}); for {@code cs/cd/ov} a Collection or array (array columns), a Map or
     *     record (jsonb), or a String (a range such as {@code "[1,5)"}); for {@code is} null, true, false or
     *     {@code "unknown"}
     * @return this builder
     * @throws com.rabaislocal.sdk.core.error.ValidationException for an unknown operator or a value it cannot take
     */
    B filter(String column, String operator, Object value);

    /**
     * Matches rows where {@code column = value}; a null value becomes {@code is.null}.
     *
     * @param column the column
     * @param value the value
     * @return this builder
     */
    default B eq(String column, Object value) {
        return value == null ? filter(column, "is", null) : filter(column, "eq", value);
    }

    /**
     * Matches rows where {@code column <> value}; a null value becomes {@code not.is.null}.
     *
     * @param column the column
     * @param value the value
     * @return this builder
     */
    default B neq(String column, Object value) {
        return value == null ? filter(column, "not.is", null) : filter(column, "neq", value);
    }

    /**
     * Matches rows where {@code column > value}.
     *
     * @param column the column
     * @param value the value, not null
     * @return this builder
     */
    default B gt(String column, Object value) {
        return filter(column, "gt", value);
    }

    /**
     * Matches rows where {@code column >= value}.
     *
     * @param column the column
     * @param value the value, not null
     * @return this builder
     */
    default B gte(String column, Object value) {
        return filter(column, "gte", value);
    }

    /**
     * Matches rows where {@code column < value}.
     *
     * @param column the column
     * @param value the value, not null
     * @return this builder
     */
    default B lt(String column, Object value) {
        return filter(column, "lt", value);
    }

    /**
     * Matches rows where {@code column <= value}.
     *
     * @param column the column
     * @param value the value, not null
     * @return this builder
     */
    default B lte(String column, Object value) {
        return filter(column, "lte", value);
    }

    /**
     * Matches rows where {@code column LIKE pattern} (case-sensitive); {@code *} may be used for {@code %}.
     *
     * @param column the column
     * @param pattern the pattern, e.g. {@code *pizza*}
     * @return this builder
     */
    default B like(String column, String pattern) {
        return filter(column, "like", pattern);
    }

    /**
     * Matches rows where {@code column LIKE ALL(patterns)}.
     *
     * @param column the column
     * @param patterns the patterns
     * @return this builder
     */
    default B likeAllOf(String column, Collection<String> patterns) {
        return filter(column, "like(all)", patterns);
    }

    /**
     * Matches rows where {@code column LIKE ANY(patterns)}.
     *
     * @param column the column
     * @param patterns the patterns
     * @return this builder
     */
    default B likeAnyOf(String column, Collection<String> patterns) {
        return filter(column, "like(any)", patterns);
    }

    /**
     * Matches rows where {@code column ILIKE pattern} (case-insensitive).
     *
     * @param column the column
     * @param pattern the pattern, e.g. {@code *pizza*}
     * @return this builder
     */
    default B ilike(String column, String pattern) {
        return filter(column, "ilike", pattern);
    }

    /**
     * Matches rows where {@code column ILIKE ALL(patterns)}.
     *
     * @param column the column
     * @param patterns the patterns
     * @return this builder
     */
    default B ilikeAllOf(String column, Collection<String> patterns) {
        return filter(column, "ilike(all)", patterns);
    }

    /**
     * Matches rows where {@code column ILIKE ANY(patterns)}.
     *
     * @param column the column
     * @param patterns the patterns
     * @return this builder
     */
    default B ilikeAnyOf(String column, Collection<String> patterns) {
        return filter(column, "ilike(any)", patterns);
    }

    /**
     * Matches rows where {@code column ~ pattern} (POSIX regular expression, case-sensitive).
     *
     * @param column the column
     * @param pattern the regular expression
     * @return this builder
     */
    default B regexMatch(String column, String pattern) {
        return filter(column, "match", pattern);
    }

    /**
     * Matches rows where {@code column ~* pattern} (POSIX regular expression, case-insensitive).
     *
     * @param column the column
     * @param pattern the regular expression
     * @return this builder
     */
    default B regexIMatch(String column, String pattern) {
        return filter(column, "imatch", pattern);
    }

    /**
     * Matches rows where {@code column IS value}.
     *
     * @param column the column
     * @param value null, true or false
     * @return this builder
     */
    default B is(String column, Boolean value) {
        return filter(column, "is", value);
    }

    /**
     * Matches rows where {@code column IS NOT NULL} ({@code is.not_null}; {@code filter(column, "is", "not_null")}
     * is the same).
     *
     * @param column the column
     * @return this builder
     */
    default B isNotNull(String column) {
        return filter(column, "is", "not_null");
    }

    /**
     * Matches rows where {@code column IS DISTINCT FROM value} (NULL-safe inequality).
     *
     * @param column the column
     * @param value the value, not null
     * @return this builder
     */
    default B isDistinct(String column, Object value) {
        return filter(column, "isdistinct", value);
    }

    /**
     * Matches rows whose column is one of the values. Text values holding reserved characters are quoted and
     * escaped; an empty list matches nothing. Over a few hundred values, prefer an rpc taking an array parameter.
     *
     * @param column the column
     * @param values the values, none null
     * @return this builder
     */
    default B in(String column, Collection<?> values) {
        return filter(column, "in", values);
    }

    /**
     * Matches rows whose column is one of the values.
     *
     * @param column the column
     * @param values the values, none null
     * @return this builder
     */
    default B in(String column, Object... values) {
        // One primitive array (int[], long[], ...) passed as the varargs is the list itself, not one item.
        if (values != null && values.length == 1 && values[0] != null && values[0].getClass().isArray()) {
            return filter(column, "in", values[0]);
        }
        return filter(column, "in", Arrays.asList(values));
    }

    /**
     * Matches rows whose column is none of the values.
     *
     * @param column the column
     * @param values the values, none null
     * @return this builder
     */
    default B notIn(String column, Collection<?> values) {
        return filter(column, "not.in", values);
    }

    /**
     * Matches rows whose array, jsonb or range column contains the value ({@code @>}).
     *
     * @param column the column
     * @param value a Collection or array (array column), a Map or record (jsonb), or a range literal such as
     *     {@code "[2026-01-01,2026-02-01)"}
     * @return this builder
     */
    default B contains(String column, Object value) {
        return filter(column, "cs", value);
    }

    /**
     * Matches rows whose array, jsonb or range column is contained by the value ({@code <@}).
     *
     * @param column the column
     * @param value as for {@link #contains(String, Object)}
     * @return this builder
     */
    default B containedBy(String column, Object value) {
        return filter(column, "cd", value);
    }

    /**
     * Matches rows whose array or range column overlaps the value ({@code &&}).
     *
     * @param column the column
     * @param value a Collection or array, or a range literal
     * @return this builder
     */
    default B overlaps(String column, Object value) {
        return filter(column, "ov", value);
    }

    /**
     * Matches rows whose range column is strictly right of the range ({@code >>}).
     *
     * @param column the range column
     * @param range the range literal, e.g. {@code "[1,5)"}
     * @return this builder
     */
    default B rangeGt(String column, String range) {
        return filter(column, "sr", range);
    }

    /**
     * Matches rows whose range column does not extend left of the range ({@code &>}).
     *
     * @param column the range column
     * @param range the range literal
     * @return this builder
     */
    default B rangeGte(String column, String range) {
        return filter(column, "nxl", range);
    }

    /**
     * Matches rows whose range column is strictly left of the range ({@code <<}).
     *
     * @param column the range column
     * @param range the range literal
     * @return this builder
     */
    default B rangeLt(String column, String range) {
        return filter(column, "sl", range);
    }

    /**
     * Matches rows whose range column does not extend right of the range ({@code &<}).
     *
     * @param column the range column
     * @param range the range literal
     * @return this builder
     */
    default B rangeLte(String column, String range) {
        return filter(column, "nxr", range);
    }

    /**
     * Matches rows whose range column is adjacent to the range ({@code -|-}).
     *
     * @param column the range column
     * @param range the range literal
     * @return this builder
     */
    default B rangeAdjacent(String column, String range) {
        return filter(column, "adj", range);
    }

    /**
     * Full-text search with {@code to_tsquery} and the database's default configuration.
     *
     * @param column a tsvector column (or a text column, PostgREST converts it)
     * @param query the tsquery text, sent literally
     * @return this builder
     */
    default B textSearch(String column, String query) {
        return textSearch(column, query, TextSearchType.FTS, null);
    }

    /**
     * Full-text search of the given type with the database's default configuration.
     *
     * @param column a tsvector or text column
     * @param query the query text, sent literally
     * @param type how the query is parsed
     * @return this builder
     */
    default B textSearch(String column, String query, TextSearchType type) {
        return textSearch(column, query, type, null);
    }

    /**
     * Full-text search of the given type with a text search configuration.
     *
     * @param column a tsvector or text column
     * @param query the query text, sent literally
     * @param type how the query is parsed
     * @param config a configuration name such as {@code french}, or null for the database default
     * @return this builder
     */
    default B textSearch(String column, String query, TextSearchType type, String config) {
        String op = (type == null ? TextSearchType.FTS : type).operator();
        return filter(column, config == null ? op : op + "(" + config + ")", query);
    }

    /**
     * Matches rows where every column equals its value ({@code eq} for each entry, null values become
     * {@code is.null}).
     *
     * @param query column to value, at least one entry
     * @return this builder
     * @throws com.rabaislocal.sdk.core.error.ValidationException when the map is empty
     */
    default B match(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("match", "needs at least one column");
        }
        B last = null;
        for (Map.Entry<String, ?> e : query.entrySet()) {
            last = eq(e.getKey(), e.getValue());
        }
        return last;
    }

    /**
     * Negates a filter: {@code not(column, "in", List.of(1, 2))} sends {@code column=not.in.(1,2)}.
     *
     * @param column the column
     * @param operator any operator accepted by {@link #filter(String, String, Object)}
     * @param value the value, encoded as for that operator
     * @return this builder
     */
    default B not(String column, String operator, Object value) {
        return filter(column, "not." + operator, value);
    }
}
