package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows one at a time from a JSON body with Jackson's streaming parser. What the body's top level may be is
 * the call's {@link Expect}: a table call's answer is an array (or nothing, for a write that returns no rows), a
 * {@code single()} answer one object, an rpc's whatever the function returns (an array yields its elements, a lone
 * value yields itself). Any other top level is refused as a JSON shape error, so a 2xx answer that does not fit
 * never becomes a row of nulls. Only the current row is ever held.
 *
 * <p>The {@code *Io} methods let I/O failures through as they are, for reading inside an attempt (the
 * transport's retry and deadline rules apply to them); the plain ones wrap them, for an open {@link RowStream}.
 */
final class RowReader<T> implements Closeable {

    /** What the top level of the body may be. */
    enum Expect {
        /** A JSON array of rows, or an empty body (a table read or a write). */
        ARRAY("a JSON array of rows"),
        /** One JSON object (a {@code single()} answer). */
        OBJECT("one JSON object"),
        /** An array of rows, or one value (an rpc). */
        ANY("rows");

        final String words;

        Expect(String words) {
            this.words = words;
        }
    }

    private final JsonParser parser;
    private final ObjectReader reader;
    private final Call call;
    private final JavaType type;
    private final Expect expect;
    private boolean started;
    private boolean done;
    private boolean pending;
    /** Iterates the elements of a top-level array, reusing one deserialization context for every row. */
    private MappingIterator<T> elements;

    private RowReader(JsonParser parser, JavaType type, Call call, Expect expect) {
        this.parser = parser;
        this.reader = SdkJson.mapper().readerFor(type);
        this.type = type;
        this.call = call;
        this.expect = expect;
    }

    /**
     * Opens a reader over a body, letting a failure to start through.
     *
     * @throws IOException when the body cannot be read
     */
    static <T> RowReader<T> overIo(InputStream in, JavaType type, Call call, Expect expect) throws IOException {
        return new RowReader<>(SdkJson.mapper().createParser(in), type, call, expect);
    }

    /** Opens a reader over a body; a failure is the SDK's exception. */
    static <T> RowReader<T> over(InputStream in, JavaType type, Call call, Expect expect) {
        try {
            return overIo(in, type, call, expect);
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    /** Reads every row of a body, letting I/O and shape failures through. */
    static <T> List<T> readAllIo(InputStream in, JavaType type, Call call, Expect expect) throws IOException {
        List<T> rows = new ArrayList<>();
        try (RowReader<T> r = overIo(in, type, call, expect)) {
            while (r.hasNextIo()) {
                rows.add(r.nextIo());
            }
        }
        return rows;
    }

    /** @return whether another row follows; reads ahead by one token only */
    boolean hasNext() {
        try {
            return hasNextIo();
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    /**
     * As {@link #hasNext()}, letting failures through.
     *
     * @throws IOException when reading fails or the body's top level does not fit the call
     */
    boolean hasNextIo() throws IOException {
        if (done) {
            return false;
        }
        if (pending) {
            return true;
        }
        if (elements != null) {
            done = !elements.hasNextValue();
            return !done;
        }
        if (started) {
            // A lone value (not an array) was the only row.
            done = true;
            return false;
        }
        started = true;
        JsonToken t = parser.nextToken();
        if (t == null) {
            if (expect == Expect.OBJECT) {
                throw shape("an empty body");
            }
            done = true;
            return false;
        }
        if (t != JsonToken.START_ARRAY) {
            if (expect == Expect.ARRAY || (expect == Expect.OBJECT && t != JsonToken.START_OBJECT)) {
                throw shape(describe(t));
            }
            pending = true;
            return true;
        }
        if (expect == Expect.OBJECT) {
            throw shape("an array");
        }
        t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
            done = true;
            return false;
        }
        elements = reader.readValues(parser);
        done = !elements.hasNextValue();
        return !done;
    }

    /** @return the next row, bound to the target type */
    T next() {
        try {
            return nextIo();
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    /**
     * As {@link #next()}, letting failures through.
     *
     * @throws IOException when reading or binding fails
     */
    T nextIo() throws IOException {
        if (!hasNextIo()) {
            throw new java.util.NoSuchElementException("no more rows");
        }
        if (elements != null) {
            return elements.nextValue();
        }
        pending = false;
        return reader.readValue(parser);
    }

    private JsonMappingException shape(String found) {
        return JsonMappingException.from(parser, "expected " + expect.words + ", got " + found);
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the response is closed by its owner; nothing more to release here
        }
    }

    static RabaisSdkException failure(Call call, JavaType type, IOException e) {
        return ServiceClient.unreadable(call.service, call.call, type.toCanonical(), e);
    }
}
