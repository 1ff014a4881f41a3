package com.rabaislocal.sdk.core.audit;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The on-disk spool of a {@link BatchingAuditSink}: every accepted event, one JSON object per line, in numbered
 * segment files ({@code audit-spool-0000000001.jsonl}, ...), until the downstream has taken it.
 *
 * <p><b>Writing.</b> {@link #write} appends whole lines to the newest segment with one write system call, so a
 * process killed right after it returned loses nothing. Only one thread writes at a time (the sink hands the writing
 * role to one thread, which writes the lines of every waiting producer at once); {@link #sync()} may run on any
 * thread, concurrently with a write. A segment is left for a new one once it holds {@code segmentBytes}; a failed
 * write is cut off and its segment left as well, so every segment holds complete lines up to its published size.
 *
 * <p><b>Progress.</b> The position delivered so far (segment, byte offset) is kept in memory and written to
 * {@value #CURSOR_FILE} ("segment offset", replaced atomically) at most once a second, at close and when the worker
 * is idle. Segments below the delivered one are deleted as soon as the position leaves them; when everything is
 * delivered, {@link #compact()} deletes every file. A stale cursor only ever makes the next run deliver again what
 * was delivered (duplicates, never losses): segments are numbered upwards, and above any number a cursor names.
 *
 * <p><b>Older spools.</b> {@value #LEGACY_DATA_FILE}, the single file of earlier versions, is read as segment 0, and a
 * cursor holding a bare offset as an offset into it.
 */
final class AuditSpool implements AutoCloseable {

    static final String LEGACY_DATA_FILE = "audit-spool.jsonl";
    static final String SEGMENT_PREFIX = "audit-spool-";
    static final String SEGMENT_SUFFIX = ".jsonl";
    static final String CURSOR_FILE = "audit-spool.cursor";
    static final String LOCK_FILE = "audit-spool.lock";
    static final String REJECTED_FILE = "audit-rejected.jsonl";

    /** Size at which writing moves to a new segment file, 4 MiB: a few thousand events. */
    static final long DEFAULT_SEGMENT_BYTES = 4L * 1024 * 1024;

    private static final long CURSOR_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_LOGGED_CHARS = 4000;

    /** A place in the spool: a segment number and a byte offset in it. */
    record Position(long segment, long offset) {

        @Override
        public String toString() {
            return segment + " " + offset;
        }
    }

    /** Events read for replay, how many lines they took, and the position just past them. */
    record Chunk(List<AuditEvent> events, Position end, int lines) {
    }

    private final Path directory;
    private final Path cursor;
    private final Path cursorTmp;
    private final Logger log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FsyncPolicy policy;
    private final long segmentBytes;

    private final Object mutex = new Object();
    // Guarded by mutex.
    private final TreeMap<Long, Long> sizes = new TreeMap<>();
    private final List<Long> rolledUnsynced = new ArrayList<>();
    private FileOutputStream out;
    private long active = -1;
    private long nextSegment = 1;
    private Position delivered = new Position(1, 0);
    private long writtenLines;
    private long syncedLines;
    private boolean closed;
    // Written under mutex, read anywhere.
    private volatile long pendingEvents;

    // Worker thread only.
    private Position cursorOnDisk;
    private long cursorWrittenAt = System.nanoTime();

    private AuditSpool(Path directory, Logger log, FileChannel lockChannel, FileLock lock, FsyncPolicy policy,
                       long segmentBytes) {
        this.directory = directory;
        this.cursor = directory.resolve(CURSOR_FILE);
        this.cursorTmp = directory.resolve(CURSOR_FILE + ".tmp");
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.policy = policy;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (creating if needed) the spool in a directory, takes its lock and recovers what a previous run left.
     *
     * @param directory the spool directory
     * @param log where recovery warnings go
     * @param policy when written lines are forced to disk
     * @param segmentBytes size at which writing moves to a new segment
     * @return the open spool
     * @throws ConfigException if the directory cannot be used or is in use by another sink
     */
    static AuditSpool open(Path directory, Logger log, FsyncPolicy policy, long segmentBytes) {
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
            AuditSpool spool = new AuditSpool(dir, log, channel, fileLock, policy, segmentBytes);
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

    /**
     * Names a segment file.
     *
     * @param segment its number, 1 or more
     * @return e.g. {@code audit-spool-0000000001.jsonl}
     */
    static String segmentName(long segment) {
        return SEGMENT_PREFIX + String.format("%010d", segment) + SEGMENT_SUFFIX;
    }

    /** @return the spool directory, absolute */
    Path directory() {
        return directory;
    }

    /** @return the file of events the downstream rejected for good, absolute */
    Path rejectedFile() {
        return directory.resolve(REJECTED_FILE);
    }

    /** @return how many lines are written and not yet delivered */
    long pendingEvents() {
        return pendingEvents;
    }

    /** @return how many lines were written since the last completed {@link #sync()} */
    long unsyncedLines() {
        synchronized (mutex) {
            return writtenLines - syncedLines;
        }
    }

    /** @return the position just past the last line written */
    Position end() {
        synchronized (mutex) {
            return sizes.isEmpty() ? delivered : new Position(sizes.lastKey(), sizes.lastEntry().getValue());
        }
    }

    /** @return the position up to which everything is delivered */
    Position delivered() {
        synchronized (mutex) {
            return delivered;
        }
    }

    /**
     * Appends whole lines to the newest segment with one write system call; the caller fsyncs them with
     * {@link #sync()} as its policy asks, so that a failing fsync never makes written lines count as unwritten.
     * Called by one thread at a time. On failure nothing of them is published: the bytes are cut off (best effort)
     * and the next write goes to a new segment.
     *
     * @param bytes the lines, each ending with {@code '\n'}
     * @param length how many bytes of {@code bytes} to write
     * @param lines how many lines they are
     * @return the position of their first byte; they all lie in that segment
     * @throws IOException if they could not be written
     */
    Position write(byte[] bytes, int length, int lines) throws IOException {
        FileOutputStream o;
        long segment;
        long before;
        boolean roll;
        synchronized (mutex) {
            if (closed) {
                throw new IOException("the audit spool " + directory + " is closed");
            }
            roll = out == null || sizes.get(active) >= segmentBytes;
        }
        if (roll) {
            openNext();
        }
        synchronized (mutex) {
            o = out;
            segment = active;
            before = sizes.get(active);
        }
        try {
            o.write(bytes, 0, length);
        } catch (IOException e) {
            abandon(segment, before);
            throw e;
        }
        synchronized (mutex) {
            sizes.put(segment, before + length);
            writtenLines += lines;
            pendingEvents += lines;
        }
        return new Position(segment, before);
    }

    /**
     * Forces every line written before the call to disk, whatever the policy; safe to call from any thread, also
     * while another one writes.
     *
     * @throws IOException if the operating system reports a failure (the lines may then not survive a power loss)
     */
    void sync() throws IOException {
        FileOutputStream o;
        long upTo;
        synchronized (mutex) {
            if (writtenLines == syncedLines && rolledUnsynced.isEmpty()) {
                return;
            }
            o = out;
            upTo = writtenLines;
        }
        if (o != null) {
            try {
                o.getFD().sync();
            } catch (IOException e) {
                synchronized (mutex) {
                    if (o == out) {
                        throw e;
                    }
                }
                // Left for a new segment meanwhile: it was forced then or is listed below, or was delivered.
            }
        }
        List<Long> rolled;
        synchronized (mutex) {
            rolled = List.copyOf(rolledUnsynced);
        }
        for (long segment : rolled) {
            forceFile(segmentFile(segment));
        }
        synchronized (mutex) {
            rolledUnsynced.removeAll(rolled);
            syncedLines = Math.max(syncedLines, upTo);
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
            try (FileOutputStream o = new FileOutputStream(rejectedFile().toFile(), true)) {
                o.write(line.getBytes(StandardCharsets.UTF_8));
                o.getFD().sync();
            }
        }
    }

    /**
     * Reads the next undelivered events from the delivered position, at most {@code maxEvents}, never past
     * {@code limit}. Unreadable lines are logged in full at ERROR and skipped (they count as consumed).
     *
     * @param maxEvents the most events to return
     * @param limit how far lines are known to be complete and published
     * @return the events, the lines consumed and the position just past them
     * @throws IOException if a segment cannot be read
     */
    Chunk readPending(int maxEvents, Position limit) throws IOException {
        Position from;
        NavigableMap<Long, Long> segments;
        synchronized (mutex) {
            from = delivered;
            if (limit.segment() < from.segment()) {
                return new Chunk(List.of(), from, 0);
            }
            segments = new TreeMap<>(sizes.subMap(from.segment(), true, limit.segment(), true));
        }
        List<AuditEvent> events = new ArrayList<>();
        int lines = 0;
        Position end = from;
        for (Map.Entry<Long, Long> s : segments.entrySet()) {
            long segment = s.getKey();
            boolean last = segment == limit.segment();
            long stop = last ? limit.offset() : s.getValue();
            long start = segment == from.segment() ? from.offset() : 0;
            long consumed = start;
            Path file = segmentFile(segment);
            if (start < stop) {
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(start);
                    byte[] buf = new byte[BUFFER];
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    long pos = start;
                    while (pos < stop && events.size() < maxEvents) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, stop - pos));
                        if (n < 0) {
                            break;
                        }
                        int lineFrom = 0;
                        for (int i = 0; i < n && events.size() < maxEvents; i++) {
                            if (buf[i] != '\n') {
                                continue;
                            }
                            line.write(buf, lineFrom, i - lineFrom);
                            long lineStart = consumed;
                            consumed = pos + i + 1;
                            lines++;
                            parse(line.toString(StandardCharsets.UTF_8), file, lineStart, events);
                            line.reset();
                            lineFrom = i + 1;
                        }
                        if (events.size() >= maxEvents) {
                            break;
                        }
                        line.write(buf, lineFrom, n - lineFrom);
                        pos += n;
                    }
                    if (events.size() < maxEvents && consumed < stop && !last) {
                        // A closed segment ends without a newline: nothing will complete that line.
                        log.error("Skipping {} bytes without a final newline at byte {} of audit spool {}; their "
                                + "content: {}", stop - consumed, consumed, file, truncate(line.toString(
                                        StandardCharsets.UTF_8)));
                        consumed = stop;
                    }
                }
            }
            end = new Position(segment, consumed);
            if (events.size() >= maxEvents || consumed < stop) {
                break;
            }
        }
        return new Chunk(events, end, lines);
    }

    /**
     * Records that everything up to a position was delivered, deletes the segments it has left behind, and writes
     * the cursor when the last write is a second old. Worker thread only.
     *
     * @param end the position just past the last delivered line
     * @param lines how many spooled lines were delivered (or skipped as unreadable)
     */
    void commit(Position end, long lines) {
        List<Long> dead = new ArrayList<>();
        synchronized (mutex) {
            delivered = end;
            pendingEvents = Math.max(0, pendingEvents - lines);
            while (!sizes.isEmpty() && sizes.firstKey() < end.segment()) {
                dead.add(sizes.pollFirstEntry().getKey());
            }
            rolledUnsynced.removeAll(dead);
        }
        for (long segment : dead) {
            try {
                Files.deleteIfExists(segmentFile(segment));
            } catch (IOException e) {
                // Harmless: the next run skips segments below the cursor's, or delivers them again.
                log.warn("Could not delete the delivered audit spool file {}: {}", segmentFile(segment), e.toString());
            }
        }
        if (System.nanoTime() - cursorWrittenAt >= CURSOR_INTERVAL_NANOS) {
            persistCursor();
        }
    }

    /**
     * Writes the delivered position to the cursor file if it moved since the last write. Worker thread only.
     *
     * @return false if it could not be written (logged at ERROR)
     */
    boolean persistCursor() {
        Position at = delivered();
        cursorWrittenAt = System.nanoTime();
        if (at.equals(cursorOnDisk)) {
            return true;
        }
        try {
            try (FileOutputStream o = new FileOutputStream(cursorTmp.toFile())) {
                o.write((at + "\n").getBytes(StandardCharsets.US_ASCII));
                o.getFD().sync();
            }
            Files.move(cursorTmp, cursor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            cursorOnDisk = at;
            return true;
        } catch (IOException e) {
            log.error("Could not record delivery progress in the audit spool {} ({}); events already delivered may "
                    + "be delivered again after a restart", directory, e.toString());
            return false;
        }
    }

    /**
     * Deletes every file of the spool when everything written is delivered. The caller holds the writing role, so
     * nothing is written meanwhile; the next write starts a new segment.
     *
     * @return the new delivered position (the start of the next segment), or null if something is still pending
     */
    Position compact() {
        FileOutputStream o;
        List<Long> segments;
        Position next;
        synchronized (mutex) {
            if (pendingEvents > 0) {
                return null;
            }
            o = out;
            out = null;
            active = -1;
            segments = new ArrayList<>(sizes.keySet());
            sizes.clear();
            rolledUnsynced.clear();
            syncedLines = writtenLines;
            delivered = new Position(nextSegment, 0);
            next = delivered;
        }
        closeQuietly(o);
        // Data first, cursor second: a cursor without data is discarded at start.
        for (long segment : segments) {
            try {
                Files.deleteIfExists(segmentFile(segment));
            } catch (IOException e) {
                log.warn("Could not delete the delivered audit spool file {} ({}); the next run will deliver its "
                        + "events again", segmentFile(segment), e.toString());
            }
        }
        try {
            Files.deleteIfExists(cursor);
            cursorOnDisk = null;
        } catch (IOException e) {
            // Harmless: it names a segment below every future one.
            log.warn("Could not delete the audit spool cursor {}: {}", cursor, e.toString());
        }
        syncDirectory();
        return next;
    }

    /** @return whether any segment file is open or left on disk */
    boolean hasFiles() {
        synchronized (mutex) {
            return !sizes.isEmpty();
        }
    }

    /** Closes the open segment and releases the directory lock; later writes fail. Does not fsync. */
    @Override
    public void close() {
        FileOutputStream o;
        synchronized (mutex) {
            closed = true;
            o = out;
            out = null;
        }
        closeQuietly(o);
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the lock of audit spool {}: {}", directory, e.toString());
        }
        closeQuietly(lockChannel);
    }

    // ---------------------------------------------------------------- writing

    /** Leaves the current segment (forced to disk first unless the policy leaves that to the OS) for a new one. */
    private void openNext() throws IOException {
        FileOutputStream old;
        long oldSegment;
        long number;
        synchronized (mutex) {
            old = out;
            oldSegment = active;
            number = nextSegment;
        }
        if (old != null) {
            try {
                if (policy != FsyncPolicy.OS) {
                    old.getFD().sync();
                }
            } finally {
                synchronized (mutex) {
                    out = null;
                    active = -1;
                    if (policy == FsyncPolicy.OS) {
                        rolledUnsynced.add(oldSegment);
                    }
                }
                closeQuietly(old);
            }
        }
        Files.createDirectories(directory);
        FileOutputStream fresh = new FileOutputStream(segmentFile(number).toFile(), true);
        if (policy != FsyncPolicy.OS) {
            // The new file's name must survive a power loss as well as its lines.
            syncDirectory();
        }
        synchronized (mutex) {
            out = fresh;
            active = number;
            nextSegment = number + 1;
            sizes.put(number, 0L);
        }
    }

    /** After a failed write: cuts its bytes off (best effort) and leaves the segment. */
    private void abandon(long segment, long keep) {
        FileOutputStream o;
        synchronized (mutex) {
            o = out;
            out = null;
            active = -1;
            // Its earlier lines may not be forced yet.
            rolledUnsynced.add(segment);
        }
        closeQuietly(o);
        try (RandomAccessFile raf = new RandomAccessFile(segmentFile(segment).toFile(), "rw")) {
            if (raf.length() > keep) {
                raf.setLength(keep);
            }
        } catch (IOException e) {
            // Past the published size, so never read in this run; the next run cuts an incomplete tail.
            log.debug("Could not cut a failed write from {}: {}", segmentFile(segment), e.toString());
        }
    }

    // ---------------------------------------------------------------- recovery

    private void recover() throws IOException {
        Position saved = readCursor();
        TreeMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                long n = segmentNumber(f.getFileName().toString());
                if (n >= 0 && Files.isRegularFile(f)) {
                    found.put(n, f);
                }
            }
        }
        long cursorSegment = saved == null ? 0 : saved.segment();
        // Above every number the cursor or a file names, so a stale cursor never applies to a newer segment.
        nextSegment = Math.max(found.isEmpty() ? 0 : found.lastKey(), cursorSegment) + 1;
        if (found.isEmpty()) {
            // Deleted by a compaction that stopped before removing the cursor.
            Files.deleteIfExists(cursor);
            delivered = new Position(nextSegment, 0);
            return;
        }
        for (Map.Entry<Long, Path> e : found.entrySet()) {
            if (saved != null && e.getKey() < saved.segment()) {
                // Delivered before the last run stopped; left by a deletion that did not happen.
                Files.deleteIfExists(e.getValue());
                continue;
            }
            sizes.put(e.getKey(), repairTail(e.getValue()));
        }
        if (sizes.isEmpty()) {
            Files.deleteIfExists(cursor);
            delivered = new Position(nextSegment, 0);
            return;
        }
        Position start = new Position(sizes.firstKey(), 0);
        if (saved != null && sizes.containsKey(saved.segment())) {
            long size = sizes.get(saved.segment());
            if (saved.offset() > size) {
                log.warn("Audit spool cursor {} points past the end of {} ({} bytes); replaying that file from its "
                        + "start", saved.offset(), segmentFile(saved.segment()), size);
            } else {
                start = saved;
            }
        }
        delivered = start;
        cursorOnDisk = saved;
        long pending = 0;
        for (Map.Entry<Long, Long> e : sizes.entrySet()) {
            long from = e.getKey() == start.segment() ? start.offset() : 0;
            pending += countLines(segmentFile(e.getKey()), from, e.getValue());
        }
        pendingEvents = pending;
        if (pending == 0) {
            compact();
            return;
        }
        log.info("Audit spool {} holds {} undelivered events from a previous run; they will be replayed",
                directory, pending);
    }

    /** @return the saved position; {@code (0, offset)} for an older spool's bare offset; null if none or unreadable */
    private Position readCursor() throws IOException {
        if (!Files.exists(cursor)) {
            return null;
        }
        String text = new String(Files.readAllBytes(cursor), StandardCharsets.US_ASCII).trim();
        String[] parts = text.split(" ");
        try {
            Position p = parts.length == 1 ? new Position(0, Long.parseLong(parts[0]))
                    : parts.length == 2 ? new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])) : null;
            if (p != null && p.segment() >= 0 && p.offset() >= 0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        log.warn("Audit spool cursor {} is unreadable ({}); replaying the whole spool", cursor,
                text.length() > 40 ? text.substring(0, 40) + "..." : text);
        return null;
    }

    /**
     * Cuts an incomplete last line (a write interrupted by a crash or an I/O error).
     *
     * @return the size kept
     */
    private long repairTail(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long len = raf.length();
            if (len == 0) {
                return 0;
            }
            raf.seek(len - 1);
            if (raf.read() == '\n') {
                return len;
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
            log.warn("Cut {} bytes of an incomplete last line from audit spool {} (a write was interrupted, "
                    + "e.g. by a crash, before it completed); every complete line is kept", len - keep, file);
            return keep;
        }
    }

    private static long countLines(Path file, long from, long to) throws IOException {
        long count = 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
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

    // ---------------------------------------------------------------- helpers

    private Path segmentFile(long segment) {
        return directory.resolve(segment == 0 ? LEGACY_DATA_FILE : segmentName(segment));
    }

    /** @return the number of a spool segment's file name, 0 for the older single file, -1 for any other file */
    static long segmentNumber(String name) {
        if (name.equals(LEGACY_DATA_FILE)) {
            return 0;
        }
        if (!name.startsWith(SEGMENT_PREFIX) || !name.endsWith(SEGMENT_SUFFIX)) {
            return -1;
        }
        String digits = name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long n = Long.parseLong(digits);
        return n > 0 ? n : -1;
    }

    private void parse(String text, Path file, long offset, List<AuditEvent> into) {
        if (text.isBlank()) {
            return;
        }
        try {
            into.add(AuditEvent.fromJson(text));
        } catch (ValidationException e) {
            log.error("Skipping unreadable line at byte {} of audit spool {} ({}); its content: {}", offset, file,
                    e.getMessage(), truncate(text));
        }
    }

    private static String truncate(String text) {
        return text.length() > MAX_LOGGED_CHARS ? text.substring(0, MAX_LOGGED_CHARS) + "..." : text;
    }

    /** Forces a file written through a descriptor that is closed now; a deleted file was delivered. */
    private static void forceFile(Path file) throws IOException {
        RandomAccessFile raf;
        try {
            raf = new RandomAccessFile(file.toFile(), "r");
        } catch (FileNotFoundException e) {
            return;
        }
        try (raf) {
            raf.getFD().sync();
        }
    }

    private void syncDirectory() {
        // Makes creations, renames and deletions durable where the platform allows it (Linux); elsewhere best effort.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not fsync directory {}: {}", directory, e.toString());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // Nothing more can be done about a file that does not close.
        }
    }
}
