package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
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
 * Reads rows one at a time from a JSON body with Jackson's streaming parser: an array yields its elements, a lone
 * object or scalar (an rpc returning one composite value) yields itself, an empty body yields nothing. Only the
 * current row is ever held.
 */
final class RowReader<T> implements Closeable {

    private final JsonParser parser;
    private final ObjectReader reader;
    private final Call call;
    private final JavaType type;
    private boolean started;
    private boolean done;
    private boolean pending;
    /** Iterates the elements of a top-level array, reusing one deserialization context for every row. */
    private MappingIterator<T> elements;

    private RowReader(JsonParser parser, JavaType type, Call call) {
        this.parser = parser;
        this.reader = SdkJson.mapper().readerFor(type);
        this.type = type;
        this.call = call;
    }

    static <T> RowReader<T> over(InputStream in, JavaType type, Call call) {
        try {
            return new RowReader<>(SdkJson.mapper().createParser(in), type, call);
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    static <T> RowReader<T> over(byte[] body, JavaType type, Call call) {
        try {
            return new RowReader<>(SdkJson.mapper().createParser(body), type, call);
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    /** Reads every row of a body already in memory. */
    static <T> List<T> readAll(byte[] body, JavaType type, Call call) {
        List<T> rows = new ArrayList<>();
        if (body.length == 0) {
            return rows;
        }
        try (RowReader<T> r = over(body, type, call)) {
            while (r.hasNext()) {
                rows.add(r.next());
            }
        }
        return rows;
    }

    /** @return whether another row follows; reads ahead by one token only */
    boolean hasNext() {
        if (done) {
            return false;
        }
        if (pending) {
            return true;
        }
        try {
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
                done = true;
                return false;
            }
            if (t != JsonToken.START_ARRAY) {
                pending = true;
                return true;
            }
            t = parser.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                return false;
            }
            elements = reader.readValues(parser);
            done = !elements.hasNextValue();
            return !done;
        } catch (IOException e) {
            throw failure(call, type, e);
        }
    }

    /** @return the next row, bound to the target type */
    T next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more rows");
        }
        try {
            if (elements != null) {
                return elements.nextValue();
            }
            pending = false;
            return reader.readValue(parser);
        } catch (IOException e) {
            throw failure(call, type, e);
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
