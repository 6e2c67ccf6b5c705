package org.healthscore.service.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthscore.api.account.OutcomeType;
import org.healthscore.api.ingest.Counts;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.account.OutcomeDao;
import org.healthscore.persistence.account.OutcomeRow;
import org.jdbi.v3.core.Handle;

/** Records outcomes, idempotent on (account, type, occurredAt); a changed amount is an update. */
final class OutcomeWriter {

    static final int BATCH = 1000;

    private final OutcomeDao dao;
    private final String workspaceId;
    private final AccountIds accounts;
    private final RowErrors errors;
    private final Runnable beforeFlush;
    private final List<Pending> pending = new ArrayList<>();
    /** Outcomes are few per account: the keys of this request, to catch one given two ways. */
    private final Map<Key, BigDecimal> given = new HashMap<>();
    private long inserted;
    private long updated;
    private long unchanged;

    OutcomeWriter(Handle handle, String workspaceId, AccountIds accounts, RowErrors errors, Runnable beforeFlush) {
        this.dao = handle.attach(OutcomeDao.class);
        this.workspaceId = workspaceId;
        this.accounts = accounts;
        this.errors = errors;
        this.beforeFlush = beforeFlush;
    }

    void add(long line, String accountField, String account, OutcomeType type, LocalDate occurredAt,
             BigDecimal amount) {
        pending.add(new Pending(line, accountField, account, type, occurredAt, amount));
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
        Map<Key, OutcomeRow> batch = new HashMap<>();
        for (Pending p : pending) {
            Long accountId = ids.get(p.account);
            if (accountId == null) {
                errors.add(p.line, p.accountField, "is not a known account ('" + p.account + "'); create it first");
                continue;
            }
            Key key = new Key(accountId, p.type, p.occurredAt);
            OutcomeRow row = new OutcomeRow(0, workspaceId, accountId, p.type, p.occurredAt, p.amount);
            if (given.containsKey(key)) {
                if (sameAmount(given.get(key), p.amount)) {
                    unchanged++;
                } else {
                    errors.add(p.line, "amount", "repeats an earlier row of this request (same account, type and"
                            + " occurredAt) with a different amount");
                }
                continue;
            }
            given.put(key, p.amount);
            batch.put(key, row);
        }
        pending.clear();
        if (batch.isEmpty() || errors.any()) {
            return;
        }
        Map<Key, OutcomeRow> stored = new HashMap<>();
        Set<Long> accountIds = new HashSet<>();
        batch.keySet().forEach(k -> accountIds.add(k.accountId));
        for (OutcomeRow r : dao.forAccounts(workspaceId, accountIds)) {
            stored.put(new Key(r.accountId(), r.outcomeType(), r.occurredAt()), r);
        }
        List<OutcomeRow> inserts = new ArrayList<>();
        List<OutcomeRow> updates = new ArrayList<>();
        batch.forEach((key, row) -> {
            OutcomeRow old = stored.get(key);
            if (old == null) {
                inserts.add(new OutcomeRow(Ids.newInternalId(), workspaceId, row.accountId(), row.outcomeType(),
                        row.occurredAt(), row.amount()));
            } else if (old.sameAmount(row)) {
                unchanged++;
            } else {
                updates.add(new OutcomeRow(old.id(), workspaceId, row.accountId(), row.outcomeType(),
                        row.occurredAt(), row.amount()));
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

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private record Pending(long line, String accountField, String account, OutcomeType type, LocalDate occurredAt,
                           BigDecimal amount) {
    }

    private record Key(long accountId, OutcomeType type, LocalDate occurredAt) {
    }
}
