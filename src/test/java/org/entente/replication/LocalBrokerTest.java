package org.entente.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real KRaft broker as a child JVM: it starts, keeps its topics across a restart on the same port, and stops. */
class LocalBrokerTest {

    @Test
    void aBrokerStartsKeepsItsTopicsAcrossARestartAndStops(@TempDir Path dir) throws Exception {
        LocalBroker broker = LocalBroker.start(dir);
        int port = broker.port();
        try (Admin admin = admin(broker)) {
            admin.createTopics(Set.of(new NewTopic("t", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        broker.stop();
        assertFalse(broker.isAlive());
        broker = LocalBroker.restart(dir, port);
        try (Admin admin = admin(broker)) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("t"));
        } finally {
            broker.kill();
        }
        assertFalse(broker.isAlive());
        assertEquals("127.0.0.1:" + port, broker.bootstrap());
        assertTrue(Files.size(dir.resolve("kafka.log")) > 0, "the broker logs to its file");
    }

    private static Admin admin(LocalBroker broker) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return Admin.create(p);
    }
}
