package org.healthscore.service.ingest;

import com.carrotsearch.hppc.LongHashSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthscore.api.ingest.Counts;
import org.healthscore.persistence.account.ObservationDao;
import org.healthscore.persistence.account.ObservationRow;
import org.jdbi.v3.core.Handle;

/**
 * Upserts observations a batch at a time inside the request's transaction, counting inserted,
 * updated and unchanged rows. A key (account, metric, observedAt) given twice in one request
 * with different values is a row error; memory per request is one 8-byte fingerprint per key.
 */
final class ObservationWriter {

    static final int BATCH = 2000;

    private final ObservationDao dao;
    private final String workspaceId;
    private final AccountIds accounts;
    private final RowErrors errors;
    private final Runnable beforeFlush;
    private final List<Pending> pending = new ArrayList<>(BATCH);
    private final LongHashSet seen = new LongHashSet();
    private long inserted;
    private long updated;
    private long unchanged;

    ObservationWriter(Handle handle, String workspaceId, AccountIds accounts, RowErrors errors, Runnable beforeFlush) {
        this.dao = handle.attach(ObservationDao.class);
        this.workspaceId = workspaceId;
        this.accounts = accounts;
        this.errors = errors;
        this.beforeFlush = beforeFlush;
    }

    void add(long line, String accountField, String account, MetricRef metric, Instant observedAt, double value) {
        // 0.0 and -0.0 are one value to a CS team and to the database; keep Double.compare from telling them apart.
        pending.add(new Pending(line, accountField, account, metric, observedAt, value + 0.0));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    Counts finish() {
        flush();
        return new Counts(inserted, updated, unchanged);
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        beforeFlush.run();
        Set<String> externalIds = new HashSet<>();
        pending.forEach(p -> externalIds.add(p.account));
        Map<String, Long> ids = accounts.resolve(externalIds);

        Map<Key, ObservationRow> batch = new HashMap<>();
        for (Pending p : pending) {
            Long accountId = ids.get(p.account);
            if (accountId == null) {
                errors.add(p.line, p.accountField, "is not a known account ('" + p.account + "'); create it first");
                continue;
            }
            ObservationRow row = new ObservationRow(accountId, p.metric.id(), p.observedAt, p.value, workspaceId);
            Key key = new Key(accountId, p.metric.id(), p.observedAt.toEpochMilli());
            if (!seen.add(key.fingerprint())) {
                // Most likely a repeat of an earlier row of this request, which is in this batch or
                // already written. (Two different keys sharing a 64-bit fingerprint would make a
                // stored row look like a repeat; the odds are about 1 in 10^12 per pair of rows.)
                ObservationRow earlier = batch.containsKey(key) ? batch.get(key)
                        : dao.find(workspaceId, accountId, p.metric.id(), p.observedAt).orElse(null);
                if (earlier != null) {
                    if (Double.compare(earlier.rawValue(), p.value) == 0) {
                        unchanged++;
                    } else {
                        errors.add(p.line, "value", "repeats an earlier row of this request (same account, metric"
                                + " and observedAt) with a different value");
                    }
                    continue;
                }
            }
            batch.put(key, row);
        }
        pending.clear();
        if (batch.isEmpty() || errors.any()) {
            return; // the request will be refused: spare the database the writes
        }
        write(batch);
    }

    private void write(Map<Key, ObservationRow> batch) {
        Set<Long> accountIds = new HashSet<>();
        Set<Long> metricIds = new HashSet<>();
        Set<Instant> times = new HashSet<>();
        batch.values().forEach(r -> {
            accountIds.add(r.accountId());
            metricIds.add(r.metricId());
            times.add(r.observedAt());
        });
        Map<Key, ObservationRow> stored = new HashMap<>();
        for (ObservationRow r : dao.findAmong(workspaceId, accountIds, metricIds, times)) {
            Key key = new Key(r.accountId(), r.metricId(), r.observedAt().toEpochMilli());
            if (batch.containsKey(key)) {
                stored.put(key, r);
            }
        }
        List<ObservationRow> inserts = new ArrayList<>();
        List<ObservationRow> updates = new ArrayList<>();
        batch.forEach((key, row) -> {
            ObservationRow old = stored.get(key);
            if (old == null) {
                inserts.add(row);
            } else if (Double.compare(old.rawValue(), row.rawValue()) != 0) {
                updates.add(row);
            } else {
                unchanged++;
            }
        });
        if (!inserts.isEmpty()) {
            dao.insert(inserts);
            inserted += inserts.size();
        }
        if (!updates.isEmpty()) {
            dao.update(updates);
            updated += updates.size();
        }
    }

    private record Pending(long line, String accountField, String account, MetricRef metric, Instant observedAt,
                           double value) {
    }

    private record Key(long accountId, long metricId, long millis) {
        long fingerprint() {
            long h = accountId * 0x9E3779B97F4A7C15L;
            h ^= Long.rotateLeft(metricId * 0xC2B2AE3D27D4EB4FL, 21);
            h ^= Long.rotateLeft(millis * 0x165667B19E3779F9L, 42);
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            return h;
        }
    }
}
