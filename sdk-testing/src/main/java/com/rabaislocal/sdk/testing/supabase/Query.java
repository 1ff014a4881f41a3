package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of PostgREST's query language the stand-in understands: horizontal filters
 * ({@code col=[not.]op.value} with {@code eq neq gt gte lt lte is}), flat {@code or=(...)} / {@code and=(...)} groups
 * of the same filters, {@code order}, {@code limit}, {@code offset} and a plain column list in {@code select}.
 * Anything else (embedding, other operators, nested groups) is refused with {@code PGRST100}, never ignored.
 */
final class Query {

    private static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "columns",
            "on_conflict", "or", "and");
    private static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "is");

    final Predicate<ObjectNode> filter;
    final boolean hasFilter;
    final Comparator<ObjectNode> order;
    final Long limit;
    final long offset;
    final List<String> select;

    private Query(Predicate<ObjectNode> filter, boolean hasFilter, Comparator<ObjectNode> order, Long limit,
                  long offset, List<String> select) {
        this.filter = filter;
        this.hasFilter = hasFilter;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.select = select;
    }

    /**
     * Parses the query parameters of a request on {@code table}.
     *
     * @param params decoded parameters, in order, names repeated
     * @param now the transaction time, for {@code now} literals
     * @throws Refusal {@code PGRST100} for syntax the stand-in does not serve, {@code 42703} for an unknown column,
     *     {@code 22P02}/{@code 22007} for a literal that does not fit its column
     */
    static Query parse(List<Map.Entry<String, String>> params, Table table, Instant now) {
        Predicate<ObjectNode> filter = row -> true;
        boolean hasFilter = false;
        Comparator<ObjectNode> order = null;
        Long limit = null;
        long offset = 0;
        List<String> select = null;
        for (Map.Entry<String, String> p : params) {
            String name = p.getKey();
            String value = p.getValue();
            if (!RESERVED.contains(name)) {
                filter = filter.and(condition(table, name, value, now));
                hasFilter = true;
                continue;
            }
            switch (name) {
                case "select":
                    select = select(table, value);
                    break;
                case "order":
                    order = order(table, value);
                    break;
                case "limit":
                    limit = number("limit", value);
                    break;
                case "offset":
                    offset = number("offset", value);
                    break;
                case "or":
                case "and":
                    filter = filter.and(group(table, name, value, now));
                    hasFilter = true;
                    break;
                default:
                    // columns and on_conflict shape the body of a write, not the rows it touches.
                    break;
            }
        }
        return new Query(filter, hasFilter, order, limit, offset, select);
    }

    /** Applies order, offset and limit to rows already filtered. */
    List<ObjectNode> page(List<ObjectNode> matching) {
        List<ObjectNode> rows = new ArrayList<>(matching);
        if (order != null) {
            rows.sort(order);
        }
        int from = (int) Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : (int) Math.min(rows.size(), from + limit);
        return rows.subList(from, to);
    }

    private static Predicate<ObjectNode> condition(Table table, String column, String expression, Instant now) {
        boolean negated = expression.startsWith("not.");
        String rest = negated ? expression.substring(4) : expression;
        int dot = rest.indexOf('.');
        String op = dot < 0 ? rest : rest.substring(0, dot);
        if (dot < 0 || !OPERATORS.contains(op)) {
            throw unsupported("\"" + column + "=" + expression + "\": the stand-in serves the operators "
                    + "eq, neq, gt, gte, lt, lte and is");
        }
        Column c = table.column(column);
        String literal = rest.substring(dot + 1);
        Predicate<ObjectNode> test;
        if (op.equals("is")) {
            String v = literal.toLowerCase(Locale.ROOT);
            switch (v) {
                case "null":
                    test = row -> row.get(column).isNull();
                    break;
                case "true":
                case "false":
                    boolean wanted = v.equals("true");
                    test = row -> row.get(column).isBoolean() && row.get(column).booleanValue() == wanted;
                    break;
                default:
                    throw unsupported("\"" + column + "=" + expression + "\": is. takes null, true or false");
            }
            return negated ? test.negate() : test;
        }
        JsonNode value = c.type().literal(literal, now);
        // SQL: a comparison with NULL is unknown, so neither the condition nor its negation keeps the row.
        return row -> {
            JsonNode cell = row.get(column);
            if (cell.isNull()) {
                return false;
            }
            int cmp = c.type().compare(cell, value);
            boolean result;
            switch (op) {
                case "eq": result = cmp == 0; break;
                case "neq": result = cmp != 0; break;
                case "gt": result = cmp > 0; break;
                case "gte": result = cmp >= 0; break;
                case "lt": result = cmp < 0; break;
                default: result = cmp <= 0; break;
            }
            return negated != result;
        };
    }

    /** {@code or=(a.op.v,b.op.v)}: one level, each item a filter; values may be double-quoted. */
    private static Predicate<ObjectNode> group(Table table, String kind, String value, Instant now) {
        if (!value.startsWith("(") || !value.endsWith(")")) {
            throw unsupported(kind + "=" + value + ": expected " + kind + "=(...)");
        }
        List<Predicate<ObjectNode>> items = new ArrayList<>();
        for (String item : splitTopLevel(value.substring(1, value.length() - 1))) {
            int dot = item.indexOf('.');
            if (dot <= 0 || item.startsWith("or(") || item.startsWith("and(") || item.startsWith("not.")) {
                throw unsupported(kind + "=" + value + ": the stand-in serves one level of column filters");
            }
            String column = item.substring(0, dot);
            String expression = item.substring(dot + 1);
            int opEnd = expression.startsWith("not.") ? expression.indexOf('.', 4) : expression.indexOf('.');
            if (opEnd > 0 && expression.length() > opEnd + 1 && expression.charAt(opEnd + 1) == '"') {
                expression = expression.substring(0, opEnd + 1) + unquote(expression.substring(opEnd + 1));
            }
            items.add(condition(table, column, expression, now));
        }
        boolean any = kind.equals("or");
        return row -> {
            for (Predicate<ObjectNode> p : items) {
                if (p.test(row) == any) {
                    return any;
                }
            }
            return !any;
        };
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted && ch == '\\' && i + 1 < s.length()) {
                current.append(ch).append(s.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            throw unsupported("unterminated double quote in " + quoted);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char ch = quoted.charAt(i);
            if (ch == '\\' && i + 1 < quoted.length() - 1) {
                ch = quoted.charAt(++i);
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static List<String> select(Table table, String value) {
        if (value.equals("*")) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (String c : value.split(",")) {
            if (!c.matches("[a-z_][a-z0-9_]*")) {
                throw unsupported("select=" + value + ": the stand-in serves * or a list of plain column names");
            }
            table.column(c);
            columns.add(c);
        }
        return columns;
    }

    private static Comparator<ObjectNode> order(Table table, String value) {
        Comparator<ObjectNode> order = null;
        for (String term : value.split(",")) {
            String[] parts = term.split("\\.");
            Column c = table.column(parts[0]);
            boolean desc = false;
            Boolean nullsFirst = null;
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i]) {
                    case "asc": desc = false; break;
                    case "desc": desc = true; break;
                    case "nullsfirst": nullsFirst = true; break;
                    case "nullslast": nullsFirst = false; break;
                    default: throw unsupported("order=" + value + ": unknown modifier " + parts[i]);
                }
            }
            // PostgreSQL's default: NULLs sort as the largest value (last ascending, first descending).
            boolean nullsAtStart = nullsFirst != null ? nullsFirst : desc;
            boolean descending = desc;
            Comparator<ObjectNode> term1 = (a, b) -> {
                JsonNode x = a.get(c.name());
                JsonNode y = b.get(c.name());
                if (x.isNull() || y.isNull()) {
                    int nulls = Boolean.compare(!x.isNull(), !y.isNull());
                    return nullsAtStart ? nulls : -nulls;
                }
                int cmp = c.type().compare(x, y);
                return descending ? -cmp : cmp;
            };
            order = order == null ? term1 : order.thenComparing(term1);
        }
        return order;
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw unsupported(name + "=" + value + ": expected a non-negative integer");
    }

    private static Refusal unsupported(String what) {
        return Refusal.badRequest("PGRST100", "failed to parse " + what, null,
                "This local stand-in understands only the PostgREST syntax listed in SupabaseStandIn's documentation.");
    }
}
