package org.healthscore.service.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.healthscore.api.ingest.Counts;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.jdbi.v3.core.Handle;

/**
 * Creates or updates accounts a batch at a time inside the request's transaction, counting
 * inserted, updated and unchanged. Each row says how to change an account ({@code change}
 * receives the stored row, or a blank one for a new account), so a full record (bulk, PUT) and
 * a partial one (a spreadsheet's segment column) share this path.
 */
final class AccountWriter {

    static final int BATCH = 1000;

    private final AccountDao dao;
    private final String workspaceId;
    private final AccountIds ids;
    private final RowErrors errors;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** What each account of this request was set to, to catch one account given two ways. */
    private final Map<String, AccountRow> given = new HashMap<>();
    private long inserted;
    private long updated;
    private long unchanged;

    AccountWriter(Handle handle, String workspaceId, AccountIds ids, RowErrors errors, Clock clock) {
        this.dao = handle.attach(AccountDao.class);
        this.workspaceId = workspaceId;
        this.ids = ids;
        this.errors = errors;
        this.clock = clock;
    }

    void add(long line, String externalIdField, String externalId, UnaryOperator<AccountRow> change) {
        Pending earlier = pending.get(externalId);
        if (earlier != null || given.containsKey(externalId)) {
            AccountRow before = earlier != null ? earlier.change.apply(blank(externalId)) : given.get(externalId);
            if (!before.sameContent(change.apply(before))) {
                errors.add(line, externalIdField, "repeats account '" + externalId + "' of an earlier row of this"
                        + " request with different values");
            } else {
                unchanged++;
            }
            return;
        }
        pending.put(externalId, new Pending(line, change));
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
        Map<String, AccountRow> stored = new HashMap<>();
        dao.findMany(workspaceId, pending.keySet()).forEach(r -> stored.put(r.externalId(), r));
        Instant now = clock.instant();
        List<AccountRow> inserts = new ArrayList<>();
        List<AccountRow> updates = new ArrayList<>();
        pending.forEach((externalId, p) -> {
            AccountRow old = stored.get(externalId);
            AccountRow base = old != null ? old : blank(externalId);
            AccountRow next = p.change.apply(base);
            given.put(externalId, next);
            if (old == null) {
                AccountRow row = withTimes(next, Ids.newInternalId(), now, now);
                inserts.add(row);
                ids.remember(externalId, row.id());
            } else if (old.sameContent(next)) {
                unchanged++;
            } else {
                updates.add(withTimes(next, old.id(), old.createdAt(), now));
            }
        });
        pending.clear();
        if (errors.any()) {
            return;
        }
        if (!inserts.isEmpty()) {
            dao.insert(inserts);
            inserted += inserts.size();
        }
        if (!updates.isEmpty()) {
            dao.update(updates);
            updated += updates.size();
        }
    }

    private AccountRow blank(String externalId) {
        return new AccountRow(0, workspaceId, externalId, null, null, null, null, null, null, null, null, null, null);
    }

    private static AccountRow withTimes(AccountRow r, long id, Instant createdAt, Instant updatedAt) {
        return new AccountRow(id, r.workspaceId(), r.externalId(), r.name(), r.segment(), r.productLine(), r.arr(),
                r.owner(), r.startDate(), r.renewalDate(), r.attributes(), createdAt, updatedAt);
    }

    private record Pending(long line, UnaryOperator<AccountRow> change) {
    }
}
