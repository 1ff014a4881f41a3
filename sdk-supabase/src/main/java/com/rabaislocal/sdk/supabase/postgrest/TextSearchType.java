package com.rabaislocal.sdk.supabase.postgrest;

/**
 * How {@link Filterable#textSearch(String, String, TextSearchType, String)} turns the query into a {@code tsquery}.
 */
public enum TextSearchType {
    /** {@code fts}: {@code to_tsquery}, the query uses tsquery syntax ({@code pizza & !chere}). */
    FTS("fts"),
    /** {@code plfts}: {@code plainto_tsquery}, every word must match. */
    PLAIN("plfts"),
    /** {@code phfts}: {@code phraseto_tsquery}, the words must follow each other. */
    PHRASE("phfts"),
    /** {@code wfts}: {@code websearch_to_tsquery}, search-engine syntax ({@code "pizza" -chere or pasta}). */
    WEBSEARCH("wfts");

    private final String operator;

    TextSearchType(String operator) {
        this.operator = operator;
    }

    /** @return the PostgREST operator, e.g. {@code wfts} */
    public String operator() {
        return operator;
    }
}
