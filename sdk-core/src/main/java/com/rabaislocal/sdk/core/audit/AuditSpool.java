package com.rabaislocal.sdk.core.audit;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The on-disk spool of a {@link BatchingAuditSink}: events not yet delivered, one JSON object per line, in
 * {@value #DATA_FILE}; the byte offset up to which they were delivered in {@value #CURSOR_FILE}.
 *
 * <p>Crash safety rests on three rules. Appends are whole lines, fsync'd before they count; an incomplete last line
 * (a crash mid-append) is cut off before anything else is appended. The cursor is replaced atomically (write a
 * temporary file, fsync, rename). When everything is delivered the data file is deleted first and the cursor second,
 * so a leftover cursor never applies to a newer data file: a cursor without a data file is discarded at start, and a
 * cursor that could not be deleted blocks appends until it is.
 *
 * <p>Thread-safe: appends (from the worker and from producers when the queue is full) and commits are serialized;
 * reading the delivered-to-end range needs no lock because complete lines are never rewritten.
 */
final class AuditSpool implements AutoCloseable {

    static final String DATA_FILE = "audit-spool.jsonl";
    static final String CURSOR_FILE = "audit-spool.cursor";
    static final String LOCK_FILE = "audit-spool.lock";
    static final String REJECTED_FILE = "audit-rejected.jsonl";

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_LOGGED_CHARS = 4000;

    /** Events read for replay, and how far in the file they reach. */
    record Chunk(List<AuditEvent> events, long endOffset, int lines) {
    }

    private final Path directory;
    private final Path data;
    private final Path cursor;
    private final Path cursorTmp;
    private final Logger log;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private final Object mutex = new Object();
    // Guarded by mutex.
    private long deliveredOffset;
    private boolean tailDirty;
    private boolean staleCursor;
    private boolean closed;
    // Written under mutex, read anywhere.
    private volatile long pendingEvents;

    private AuditSpool(Path directory, Logger log, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.data = directory.resolve(DATA_FILE);
        this.cursor = directory.resolve(CURSOR_FILE);
        this.cursorTmp = directory.resolve(CURSOR_FILE + ".tmp");
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the spool in a directory, takes its lock and recovers from a previous crash.
     *
     * @param directory the spool directory
     * @param log where recovery warnings go
     * @return the open spool
     * @throws ConfigException if the directory cannot be used or is in use by another sink
     */
    static AuditSpool open(Path directory, Logger log) {
        Path dir = directory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock;
            try {
                fileLock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
            }
            if (fileLock == null) {
                channel.close();
                throw new ConfigException("spoolDirectory " + dir + " is already used by another open "
                        + "BatchingAuditSink (in this or another process); give each sink its own directory");
            }
            AuditSpool spool = new AuditSpool(dir, log, channel, fileLock);
            try {
                spool.recover();
            } catch (IOException | RuntimeException e) {
                spool.close();
                throw e;
            }
            return spool;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException("spoolDirectory " + dir + " cannot be used: " + e, e);
        }
    }

    /** @return the spool directory, absolute */
    Path directory() {
        return directory;
    }

    /** @return the data file, absolute */
    Path dataFile() {
        return data;
    }

    /** @return the file of events the downstream rejected for good, absolute */
    Path rejectedFile() {
        return directory.resolve(REJECTED_FILE);
    }

    /** @return how many events are written and not yet delivered */
    long pendingEvents() {
        return pendingEvents;
    }

    /** @return whether any event waits on disk */
    boolean hasPending() {
        return pendingEvents > 0;
    }

    /**
     * Appends events at the end, fsync'd; on failure nothing of them stays in the file.
     *
     * @param events the events, in order
     * @throws IOException if they could not be written durably
     */
    void append(List<AuditEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 512);
        for (AuditEvent e : events) {
            bytes.writeBytes(e.toJson().getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        synchronized (mutex) {
            if (closed) {
                throw new IOException("the audit spool " + data + " is closed");
            }
            if (staleCursor) {
                Files.deleteIfExists(cursor);
                staleCursor = false;
            }
            Files.createDirectories(directory);
            if (tailDirty) {
                repairTail();
            }
            long before = Files.exists(data) ? Files.size(data) : 0;
            try (FileOutputStream out = new FileOutputStream(data.toFile(), true)) {
                bytes.writeTo(out);
                out.getFD().sync();
            } catch (IOException e) {
                tailDirty = true;
                truncateTo(before);
                throw e;
            }
            pendingEvents += events.size();
        }
    }

    /**
     * Appends an event the downstream rejected for good to {@value #REJECTED_FILE}, fsync'd: its JSON with two more
     * fields, {@code rejected_at} and {@code rejected_reason}, so each line still reads with
     * {@link AuditEvent#fromJson(String)} once the cause is fixed. That file is never replayed automatically.
     *
     * @param event the rejected event
     * @param reason why the downstream rejected it
     * @param at when
     * @throws IOException if it could not be written durably
     */
    void quarantine(AuditEvent event, String reason, Instant at) throws IOException {
        String json = event.toJson();
        String line = json.substring(0, json.length() - 1)
                + ",\"rejected_at\":" + SdkJson.mapper().writeValueAsString(at.toString())
                + ",\"rejected_reason\":" + SdkJson.mapper().writeValueAsString(reason) + "}\n";
        synchronized (mutex) {
            Files.createDirectories(directory);
            try (FileOutputStream out = new FileOutputStream(rejectedFile().toFile(), true)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            }
        }
    }

    /**
     * Reads the next undelivered events, at most {@code maxEvents}. Unreadable lines are logged in full at ERROR and
     * skipped (they count as consumed); a line without its final newline is left for later.
     *
     * @param maxEvents the most events to return
     * @return the events and the offset just past the last line consumed
     * @throws IOException if the file cannot be read
     */
    Chunk readPending(int maxEvents) throws IOException {
        long start;
        long end;
        synchronized (mutex) {
            end = Files.exists(data) ? Files.size(data) : 0;
            if (deliveredOffset > end || (deliveredOffset == end && pendingEvents > 0)) {
                resync(end);
            }
            start = deliveredOffset;
        }
        List<AuditEvent> events = new ArrayList<>();
        if (start >= end) {
            return new Chunk(events, start, 0);
        }
        int lines = 0;
        long consumed = start;
        try (RandomAccessFile in = new RandomAccessFile(data.toFile(), "r")) {
            in.seek(start);
            byte[] buf = new byte[BUFFER];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long pos = start;
            while (pos < end && events.size() < maxEvents) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, end - pos));
                if (n < 0) {
                    break;
                }
                int from = 0;
                for (int i = 0; i < n && events.size() < maxEvents; i++) {
                    if (buf[i] != '\n') {
                        continue;
                    }
                    line.write(buf, from, i - from);
                    long lineStart = consumed;
                    consumed = pos + i + 1;
                    lines++;
                    parse(line.toString(StandardCharsets.UTF_8), lineStart, events);
                    line.reset();
                    from = i + 1;
                }
                if (events.size() >= maxEvents) {
                    break;
                }
                line.write(buf, from, n - from);
                pos += n;
            }
        }
        return new Chunk(events, consumed, lines);
    }

    /**
     * Records that a chunk was delivered; deletes the files when nothing is left.
     *
     * @param chunk a chunk returned by {@link #readPending(int)} and delivered
     * @throws IOException if the progress could not be stored (it is kept in memory; after a restart the chunk may be
     *     delivered again)
     */
    void commit(Chunk chunk) throws IOException {
        if (chunk.lines() == 0) {
            return;
        }
        synchronized (mutex) {
            deliveredOffset = chunk.endOffset();
            pendingEvents = Math.max(0, pendingEvents - chunk.lines());
            long size = Files.exists(data) ? Files.size(data) : 0;
            if (deliveredOffset >= size) {
                compact();
            } else {
                writeCursor(deliveredOffset);
            }
        }
    }

    /** Releases the directory lock; later appends fail. */
    @Override
    public void close() {
        synchronized (mutex) {
            closed = true;
        }
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the lock of audit spool {}: {}", directory, e.toString());
        }
        closeQuietly(lockChannel);
    }

    private void recover() throws IOException {
        long offset = readCursor();
        if (!Files.exists(data)) {
            // Deleted by a compaction that crashed before removing the cursor.
            Files.deleteIfExists(cursor);
            return;
        }
        repairTail();
        long size = Files.size(data);
        if (offset > size) {
            log.warn("Audit spool cursor {} points past the end of {} ({} bytes); replaying the whole spool",
                    offset, data, size);
            offset = 0;
        }
        deliveredOffset = Math.max(0, offset);
        if (deliveredOffset == size) {
            compact();
            return;
        }
        pendingEvents = countLines(deliveredOffset, size);
        log.info("Audit spool {} holds {} undelivered events from a previous run; they will be replayed",
                data, pendingEvents);
    }

    private long readCursor() throws IOException {
        if (!Files.exists(cursor)) {
            return -1;
        }
        String text = new String(Files.readAllBytes(cursor), StandardCharsets.US_ASCII).trim();
        try {
            long offset = Long.parseLong(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        log.warn("Audit spool cursor {} is unreadable ({}); replaying the whole spool", cursor,
                text.length() > 40 ? text.substring(0, 40) + "..." : text);
        return 0;
    }

    /** The file changed behind our back (deleted or truncated by hand): start over from what it holds now. */
    private void resync(long size) throws IOException {
        long before = pendingEvents;
        if (deliveredOffset > size) {
            deliveredOffset = 0;
        }
        pendingEvents = size > deliveredOffset ? countLines(deliveredOffset, size) : 0;
        log.error("Audit spool {} was changed outside the SDK: expected {} undelivered events, found {}", data,
                before, pendingEvents);
    }

    /** Cuts an incomplete last line (a write interrupted by a crash or an I/O error). */
    private void repairTail() throws IOException {
        if (!Files.exists(data)) {
            tailDirty = false;
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(data.toFile(), "rw")) {
            long len = raf.length();
            if (len == 0) {
                tailDirty = false;
                return;
            }
            raf.seek(len - 1);
            if (raf.read() == '\n') {
                tailDirty = false;
                return;
            }
            long keep = 0;
            byte[] buf = new byte[BUFFER];
            long pos = len;
            search:
            while (pos > 0) {
                int n = (int) Math.min(buf.length, pos);
                pos -= n;
                raf.seek(pos);
                raf.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        keep = pos + i + 1;
                        break search;
                    }
                }
            }
            raf.setLength(keep);
            raf.getFD().sync();
            tailDirty = false;
            log.warn("Cut {} bytes of an incomplete last line from audit spool {} (a write was interrupted, "
                    + "e.g. by a crash, before it completed); every complete line is kept", len - keep, data);
        }
    }

    private void truncateTo(long length) {
        try (RandomAccessFile raf = new RandomAccessFile(data.toFile(), "rw")) {
            if (raf.length() > length) {
                raf.setLength(length);
                raf.getFD().sync();
            }
            tailDirty = false;
        } catch (IOException e) {
            // tailDirty stays set: the next append repairs the tail before writing.
        }
    }

    private long countLines(long from, long to) throws IOException {
        long count = 0;
        try (RandomAccessFile raf = new RandomAccessFile(data.toFile(), "r")) {
            raf.seek(from);
            byte[] buf = new byte[BUFFER];
            long pos = from;
            while (pos < to) {
                int n = raf.read(buf, 0, (int) Math.min(buf.length, to - pos));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
                pos += n;
            }
        }
        return count;
    }

    private void parse(String text, long offset, List<AuditEvent> out) {
        if (text.isBlank()) {
            return;
        }
        try {
            out.add(AuditEvent.fromJson(text));
        } catch (ValidationException e) {
            log.error("Skipping unreadable line at byte {} of audit spool {} ({}); its content: {}", offset, data,
                    e.getMessage(), text.length() > MAX_LOGGED_CHARS ? text.substring(0, MAX_LOGGED_CHARS) + "..."
                            : text);
        }
    }

    private void compact() throws IOException {
        try {
            Files.deleteIfExists(data);
        } catch (IOException e) {
            writeCursor(deliveredOffset);
            throw e;
        }
        deliveredOffset = 0;
        pendingEvents = 0;
        syncDirectory();
        try {
            Files.deleteIfExists(cursor);
        } catch (IOException e) {
            staleCursor = true;
            throw e;
        }
        syncDirectory();
    }

    private void writeCursor(long offset) throws IOException {
        try (FileOutputStream out = new FileOutputStream(cursorTmp.toFile())) {
            out.write((offset + "\n").getBytes(StandardCharsets.US_ASCII));
            out.getFD().sync();
        }
        Files.move(cursorTmp, cursor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    private void syncDirectory() {
        // Makes renames and deletions durable where the platform allows it (Linux); elsewhere best effort.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not fsync directory {}: {}", directory, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more can be done about a lock file that does not close.
        }
    }
}
