package org.entente.replication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.sys.EntenteException;

/**
 * The patch log on Kafka: one topic with one partition (one order for every write), patches cut into
 * records of at most {@value #CHUNK} bytes so that a load of any size fits Kafka's record limit. Each record
 * carries the patch id, its part number and the number of parts; a reader applies a patch only when it
 * has every part, so a writer that died half-way through publishing leaves nothing applied.
 * <pre>
 *   PatchLog log = new PatchLog(LogSettings.of("127.0.0.1:9092", "entente"));
 *   log.ensureTopic();
 *   long offset = log.publish(id, text);       // acks=all, idempotent; throws LogUnavailableException
 * </pre>
 * Every call has the settings' time limit. The producer and the admin client are shared and thread-safe;
 * each reader has its own consumer.
 */
public final class PatchLog implements AutoCloseable {

    /** The largest record body: well under Kafka's default record limit (1 MiB). */
    static final int CHUNK = 512 * 1024;
    static final String H_PATCH = "entente-patch";
    static final String H_PART = "entente-part";
    static final String H_PARTS = "entente-parts";

    private final LogSettings settings;
    private final TopicPartition partition;
    private final Admin admin;
    private KafkaProducer<String, byte[]> producer;

    public PatchLog(LogSettings settings) {
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), 0);
        Properties p = common();
        this.admin = Admin.create(p);
    }

    public LogSettings settings() {
        return settings;
    }

    TopicPartition partition() {
        return partition;
    }

    private Properties common() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return p;
    }

    /**
     * Makes the topic if it is missing: one partition, as many replicas as there are brokers (up to 3),
     * kept forever (a new replica reads it from the start; never compacted by key, which would keep only
     * the last patch). Refuses a topic of more than one partition: it would have no order.
     */
    public void ensureTopic() {
        try {
            Set<String> names = admin.listTopics().names().get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
            if (!names.contains(settings.topic())) {
                int brokers = admin.describeCluster().nodes().get(settings.timeoutMillis(), TimeUnit.MILLISECONDS).size();
                short replicas = (short) Math.max(1, Math.min(3, brokers));
                NewTopic t = new NewTopic(settings.topic(), 1, replicas)
                    .configs(Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1",
                                    "min.insync.replicas", Integer.toString(Math.min(2, replicas))));
                try {
                    admin.createTopics(List.of(t)).all().get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException))
                        throw ex;
                }
            }
            TopicDescription d = describeWhenKnown();
            if (d.partitions().size() != 1)
                throw new EntenteException("Topic " + settings.topic() + " has " + d.partitions().size()
                                           + " partitions: the patch log needs exactly one (one order for all writes)");
        } catch (ExecutionException | TimeoutException ex) {
            throw unavailable("cannot make or read topic " + settings.topic(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", ex);
        }
    }

    /**
     * The topic's description once the brokers know it: a topic just made takes a moment to reach every
     * broker's metadata, and until then it is "unknown" there. Then its end can be read.
     */
    private TopicDescription describeWhenKnown() throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(settings.topic())).allTopicNames()
                                          .get(settings.timeoutMillis(), TimeUnit.MILLISECONDS).get(settings.topic());
                admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                     .get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
                return d;
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline)
                    throw ex;
                Thread.sleep(200);
            }
        }
    }

    /** The offset the next record will get: the log's end. */
    public long endOffset() {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(settings.timeoutMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException | TimeoutException ex) {
            throw unavailable("cannot read the end of " + settings.topic(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", ex);
        }
    }

    /**
     * Publishes a patch, in as many records as it takes, and waits until Kafka has every one of them on all
     * in-sync replicas ({@code acks=all}). Returns the offset of the last record. After a failure the
     * producer is dropped (nothing it still holds is sent later) and a new one is made for the next patch.
     */
    public synchronized long publish(String id, byte[] text) {
        int parts = Math.max(1, (text.length + CHUNK - 1) / CHUNK);
        List<Future<RecordMetadata>> sent = new ArrayList<>(parts);
        try {
            KafkaProducer<String, byte[]> p = producer();
            for (int i = 0; i < parts; i++) {
                int from = i * CHUNK;
                byte[] body = java.util.Arrays.copyOfRange(text, from, Math.min(text.length, from + CHUNK));
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(settings.topic(), 0, settings.key(), body);
                r.headers().add(new RecordHeader(H_PATCH, id.getBytes(StandardCharsets.UTF_8)))
                           .add(new RecordHeader(H_PART, Integer.toString(i).getBytes(StandardCharsets.US_ASCII)))
                           .add(new RecordHeader(H_PARTS, Integer.toString(parts).getBytes(StandardCharsets.US_ASCII)));
                sent.add(p.send(r));
            }
            p.flush();
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            long last = -1;
            for (Future<RecordMetadata> f : sent)
                last = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).offset();
            return last;
        } catch (ExecutionException | TimeoutException | RuntimeException ex) {
            dropProducer();
            throw unavailable("patch " + id + " was not taken by the log", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            dropProducer();
            throw unavailable("interrupted", ex);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeoutMillis());
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void dropProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    /** A reader of the log from an offset, on a consumer of its own (no consumer group: the store keeps its offset). */
    PatchReader reader(long from) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 64);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        c.assign(List.of(partition));
        c.seek(partition, from);
        return new PatchReader(c, partition, settings);
    }

    static LogUnavailableException unavailable(String what, Throwable cause) {
        Throwable c = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        return new LogUnavailableException("The patch log is unavailable (Kafka, " + c.getClass().getSimpleName() + "): " + what
                                           + (c.getMessage() == null ? "" : ": " + c.getMessage()), c);
    }

    @Override
    public synchronized void close() {
        dropProducer();
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
