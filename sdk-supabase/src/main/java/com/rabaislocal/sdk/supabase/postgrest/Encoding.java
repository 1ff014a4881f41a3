package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns filter values into PostgREST's grammar (see {@code QueryParams.hs}). One place for every context:
 * top-level values are sent literally; values inside {@code in} lists, Postgres array literals and {@code or}/{@code
 * and} trees are double-quoted when they hold a character the grammar reserves, with {@code \} and {@code "}
 * backslash-escaped. Numbers, booleans and nulls are never quoted.
 */
final class Encoding {

    /** Characters that make a value need quoting inside lists, array literals and logic trees. */
    private static final String RESERVED = ",.:*(){}\"\\";
    private static final Pattern FTS_CONFIG = Pattern.compile("[A-Za-z0-9_$ ]+");
    // ASCII digits only: PostgREST's parser reads a name made of letters, ASCII digits, _ and $; any other
    // character (a superscript digit, say) cuts the name short unless it is quoted.
    private static final Pattern PLAIN_FIELD = Pattern.compile("[\\p{L}0-9_$]+(-[\\p{L}0-9_$]+)*");

    /** Operators whose value is one literal. */
    static final Set<String> SIMPLE = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "match",
            "imatch", "isdistinct", "cs", "cd", "ov", "sl", "sr", "nxl", "nxr", "adj");
    /** Operators that accept an {@code (any)}/{@code (all)} quantifier and an array of values. */
    static final Set<String> QUANTIFIABLE = Set.of("eq", "gt", "gte", "lt", "lte", "like", "ilike", "match",
            "imatch");
    /** Full-text search operators, optionally followed by {@code (config)}. */
    static final Set<String> FTS = Set.of("fts", "plfts", "phfts", "wfts");
    private static final Set<String> ARRAYISH = Set.of("cs", "cd", "ov");

    private Encoding() {
    }

    /** A rendered value: its text, and whether it must stay bare (never quoted) inside a logic tree. */
    static final class Rendered {
        final String text;
        final boolean bare;

        Rendered(String text, boolean bare) {
            this.text = text;
            this.bare = bare;
        }
    }

    /** A parsed operator: {@code not.} prefix, name, quantifier ({@code any}/{@code all}) or fts config. */
    static final class Op {
        final boolean negated;
        final String name;
        final String quantifier;
        final String ftsConfig;

        private Op(boolean negated, String name, String quantifier, String ftsConfig) {
            this.negated = negated;
            this.name = name;
            this.quantifier = quantifier;
            this.ftsConfig = ftsConfig;
        }

        /** @return the operator as written on the wire, e.g. {@code not.like(any)} or {@code wfts(french)} */
        String wire() {
            String s = name;
            if (quantifier != null) {
                s += "(" + quantifier + ")";
            } else if (ftsConfig != null) {
                s += "(" + ftsConfig + ")";
            }
            return negated ? "not." + s : s;
        }
    }

    /**
     * Parses an operator such as {@code eq}, {@code not.in}, {@code like(any)} or {@code wfts(french)}.
     *
     * @throws ValidationException for an operator PostgREST does not know
     */
    static Op operator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new ValidationException("operator", "is required, e.g. \"eq\"");
        }
        String s = operator.strip();
        boolean negated = false;
        if (s.startsWith("not.")) {
            negated = true;
            s = s.substring(4);
        }
        String name = s;
        String arg = null;
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new ValidationException("operator", "is malformed: " + operator);
            }
            name = s.substring(0, open);
            arg = s.substring(open + 1, s.length() - 1);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (arg != null) {
            if (FTS.contains(name)) {
                if (!FTS_CONFIG.matcher(arg).matches()) {
                    throw new ValidationException("textSearch config", "must be a text search configuration name"
                            + " (letters, digits, _), was \"" + arg + "\"");
                }
                return new Op(negated, name, null, arg.strip());
            }
            String q = arg.toLowerCase(Locale.ROOT);
            if (name.equals("neq") && (q.equals("any") || q.equals("all"))) {
                throw new ValidationException("operator", "PostgREST has no quantified neq (" + operator + "): use "
                        + (q.equals("any") ? "not.eq(all)" : "not.eq(any)") + " for the same rows");
            }
            if (QUANTIFIABLE.contains(name) && (q.equals("any") || q.equals("all"))) {
                return new Op(negated, name, q, null);
            }
            throw new ValidationException("operator", "is not a PostgREST operator: " + operator);
        }
        if (SIMPLE.contains(name) || FTS.contains(name) || name.equals("in") || name.equals("is")) {
            return new Op(negated, name, null, null);
        }
        throw new ValidationException("operator", "is not a PostgREST operator: " + operator + " (expected one of eq,"
                + " neq, gt, gte, lt, lte, like, ilike, match, imatch, is, isdistinct, in, cs, cd, ov, sl, sr, nxl,"
                + " nxr, adj, fts, plfts, phfts, wfts, optionally prefixed with not.)");
    }

    /**
     * Renders the value of a filter for its operator.
     *
     * @param column the column, for messages
     * @param op the operator
     * @param value the Java value
     * @return the rendered text, as PostgREST must receive it at the top level of a query parameter
     */
    static Rendered value(String column, Op op, Object value) {
        if (op.name.equals("is")) {
            return new Rendered(isValue(column, value), true);
        }
        if (op.name.equals("in")) {
            if (value instanceof CharSequence) {
                // An explicitly formatted list "(a,b)": the caller's own escape hatch.
                return new Rendered(value.toString(), true);
            }
            return new Rendered(list(column, value), true);
        }
        if (op.quantifier != null) {
            return new Rendered(arrayLiteral(column, tree(column, value, true)), false);
        }
        if (value == null) {
            throw new ValidationException("filter on " + column, "a null value is only valid with is(column, null);"
                    + " eq(column, null) is turned into it");
        }
        JsonNode node = tree(column, value, false);
        if (ARRAYISH.contains(op.name) && node.isArray()) {
            return new Rendered(arrayLiteral(column, node), false);
        }
        if (node.isArray()) {
            throw new ValidationException("filter on " + column, "operator " + op.name + " takes one value, not a "
                    + "list; use in(...) or the *AnyOf/*AllOf forms");
        }
        if (node.isNumber() || node.isBoolean()) {
            return new Rendered(number(node), true);
        }
        return new Rendered(node.isTextual() ? node.textValue() : node.toString(), false);
    }

    /** The value of {@code is}: null, true, false or unknown. */
    private static String isValue(String column, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("null") || s.equals("not_null") || s.equals("true") || s.equals("false")
                || s.equals("unknown")) {
            return s;
        }
        throw new ValidationException("filter on " + column, "is(...) accepts null, \"not_null\", true, false or"
                + " \"unknown\", was " + value);
    }

    /** An {@code in} list: {@code (1,2,"a,b")}. */
    private static String list(String column, Object value) {
        JsonNode node = tree(column, value, true);
        StringBuilder sb = new StringBuilder("(");
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (item.isNull()) {
                throw new ValidationException("in(" + column + ")", "a list item is null; SQL IN never matches NULL,"
                        + " use is(column, null) (inside or(...) if needed)");
            }
            sb.append(listItem(item));
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        return sb.append(')').toString();
    }

    private static String listItem(JsonNode item) {
        if (item.isNumber() || item.isBoolean()) {
            return number(item);
        }
        return quote(item.isTextual() ? item.textValue() : item.toString());
    }

    /**
     * A Postgres array literal: {@code {a,"b c",1}}; elements are quoted like list items, nested arrays recurse, null
     * elements are {@code NULL}.
     */
    static String arrayLiteral(String column, JsonNode array) {
        StringBuilder sb = new StringBuilder("{");
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (e.isNull()) {
                sb.append("NULL");
            } else if (e.isArray()) {
                sb.append(arrayLiteral(column, e));
            } else {
                sb.append(listItem(e));
            }
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        return sb.append('}').toString();
    }

    /**
     * Converts a Java value with the SDK's mapper, so filters see values exactly as request bodies do (ISO-8601
     * dates, enum names, records as JSON objects).
     */
    static JsonNode tree(String column, Object value, boolean listExpected) {
        JsonNode node;
        if (value instanceof JsonNode) {
            node = (JsonNode) value;
        } else if (value instanceof Iterable && !(value instanceof Collection)) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            ((Iterable<?>) value).forEach(items::add);
            node = SdkJson.mapper().valueToTree(items);
        } else {
            node = SdkJson.mapper().valueToTree(value);
        }
        if (node == null) {
            node = SdkJson.mapper().nullNode();
        }
        if (listExpected && !node.isArray()) {
            throw new ValidationException("filter on " + column, "expects a list (a Collection or an array), was "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return node;
    }

    private static String number(JsonNode node) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            // NaN and the infinities have no JSON or PostgREST literal that means the same thing.
            throw new ValidationException("filter value", "must be a finite number, was " + node.doubleValue()
                    + "; compare with 'NaN'::float8 in an rpc if that is what is meant");
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isFloatingPointNumber()) {
            return new BigDecimal(node.asText()).toPlainString();
        }
        return node.asText();
    }

    /**
     * Quotes a text value for a list, an array literal or a logic tree when it is empty, holds a reserved character
     * ({@code , . : * ( ) { } " \}) or white space, or reads {@code null}; {@code \} and {@code "} are escaped.
     */
    static String quote(String s) {
        return needsQuotes(s) ? quoteAlways(s) : s;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("null")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (RESERVED.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** A value inside a logic tree: bare values as they are, others quoted when needed. */
    static String treeValue(Rendered r) {
        return r.bare ? r.text : quote(r.text);
    }

    /**
     * A column inside a logic tree: its name is quoted unless it is a plain identifier; a JSON path
     * ({@code ->}, {@code ->>}) after it is kept.
     */
    static String treeColumn(String column) {
        int arrow = column.indexOf("->");
        String name = arrow < 0 ? column : column.substring(0, arrow);
        String path = arrow < 0 ? "" : column.substring(arrow);
        return (PLAIN_FIELD.matcher(name).matches() ? name : quoteAlways(name)) + path;
    }

    /** A column name in {@code columns=} or {@code on_conflict=} lists. */
    static String listColumn(String column) {
        return PLAIN_FIELD.matcher(column).matches() ? column : quoteAlways(column);
    }

    /** Quotes and escapes whatever the text holds. */
    static String quoteAlways(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Removes white space outside double quotes, as the official clients do for {@code select}. */
    static String stripSelect(String columns) {
        StringBuilder sb = new StringBuilder(columns.length());
        boolean quoted = false;
        for (int i = 0; i < columns.length(); i++) {
            char c = columns.charAt(i);
            if (Character.isWhitespace(c) && !quoted) {
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Args of a GET/HEAD rpc call: arrays become array literals, objects JSON, the rest their text. */
    static String rpcArg(String name, JsonNode value) {
        if (value.isArray()) {
            return arrayLiteral(name, (ArrayNode) value);
        }
        if (value.isObject()) {
            return value.toString();
        }
        if (value.isNumber()) {
            return number(value);
        }
        return value.asText();
    }
}
