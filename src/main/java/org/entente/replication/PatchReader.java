package org.entente.replication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.entente.sys.EntenteLog;

/**
 * Reads whole patches from the log in order: the records of a patch are gathered until its last part;
 * the parts of a patch that never ends (its writer died while publishing, so the write was never
 * acknowledged) are dropped when the next patch begins. Not thread-safe: one reader per thread.
 */
final class PatchReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final LogSettings settings;
    private String pendingId;
    private int pendingNext;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    PatchReader(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, LogSettings settings) {
        this.consumer = consumer;
        this.partition = partition;
        this.settings = settings;
    }

    /** The complete patches among the records that arrive within {@code wait}; none when the log is quiet or gone. */
    List<Patch> poll(Duration wait) {
        List<Patch> done = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(wait).records(partition))
                take(r, done);
        } catch (KafkaException ex) {
            throw PatchLog.unavailable("cannot read " + settings.topic(), ex);
        }
        return done;
    }

    private void take(ConsumerRecord<String, byte[]> r, List<Patch> done) {
        String id = header(r, PatchLog.H_PATCH);
        int part = Integer.parseInt(header(r, PatchLog.H_PART));
        int parts = Integer.parseInt(header(r, PatchLog.H_PARTS));
        if (part == 0) {
            if (pendingId != null)
                EntenteLog.serverLog.warn("Patch {} in {} ends before its last part: a write that was never acknowledged, left out",
                                          pendingId, settings.topic());
            pendingId = id;
            pendingNext = 0;
            pending.reset();
        }
        if (!id.equals(pendingId) || part != pendingNext) {
            EntenteLog.serverLog.warn("Record {} of {} is part {} of patch {}, not the part expected: left out", r.offset(),
                                      settings.topic(), part, id);
            return;
        }
        pending.writeBytes(r.value());
        pendingNext++;
        if (pendingNext == parts) {
            done.add(new Patch(id, r.offset(), pending.toByteArray()));
            pendingId = null;
            pending.reset();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null)
            throw new LogFormatException("Record " + r.offset() + " of " + r.topic() + " is not an Entente patch record (no " + name + ")");
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The offset of the next record to read: what has been read, patches pending included. */
    long position() {
        try {
            return consumer.position(partition, settings.timeout());
        } catch (KafkaException ex) {
            throw PatchLog.unavailable("cannot read the position in " + settings.topic(), ex);
        }
    }

    /** How many records of a patch not yet complete have been read. */
    int pendingParts() {
        return pendingId == null ? 0 : pendingNext;
    }

    /** The log's end as the consumer sees it, within the time limit. */
    long endOffset() {
        try {
            Map<TopicPartition, Long> end = consumer.endOffsets(List.of(partition), settings.timeout());
            return end.get(partition);
        } catch (KafkaException ex) {
            throw PatchLog.unavailable("cannot read the end of " + settings.topic(), ex);
        }
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
    }

    /** A record on the topic that is not part of a patch. */
    static final class LogFormatException extends org.entente.sys.EntenteException {
        LogFormatException(String message) {
            super(message);
        }
    }
}
