package com.rabaislocal.sdk.testing.supabase;

/**
 * Ends the handling of a request with an error answer, the way the database ends a statement with an error: thrown
 * from deep inside a table operation, turned into the HTTP answer by the dispatcher. Nothing was changed.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Answer answer;

    private Refusal(Answer answer, String message) {
        super(message, null, false, false);
        this.answer = answer;
    }

    /** A PostgREST error with the HTTP status PostgREST gives that SQLSTATE or code. */
    static Refusal postgrest(int status, String code, String message, String details, String hint) {
        return new Refusal(Answer.postgrestError(status, code, message, details, hint), message);
    }

    /** A PostgREST error with no details or hint. */
    static Refusal postgrest(int status, String code, String message) {
        return postgrest(status, code, message, null, null);
    }

    /** An error PostgREST answers with 400 because the SQLSTATE is not one it maps (CHECK, not-null, RLCxx...). */
    static Refusal badRequest(String sqlState, String message, String details, String hint) {
        return postgrest(400, sqlState, message, details, hint);
    }

    /**
     * {@code 42501} insufficient privilege: PostgREST answers 401 to an anonymous caller and 403 to anyone else.
     */
    static Refusal notAllowed(Caller caller, String message) {
        return postgrest(caller.isAnon() ? 401 : 403, "42501", message);
    }

    /** A Row Level Security refusal of a new row. */
    static Refusal rowSecurity(Caller caller, String table) {
        return notAllowed(caller, "new row violates row-level security policy for table \"" + table + "\"");
    }

    /** {@code 22P02}: a value that does not parse as its column's type. */
    static Refusal invalidText(String type, String value) {
        return badRequest("22P02", "invalid input syntax for type " + type + ": \"" + value + "\"", null, null);
    }
}
