package org.healthscore.service.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.jdbi.v3.core.Handle;

/**
 * Finds account ids by external id for one request, a batch at a time, remembering the most
 * recent 100,000 so a stream of rows about the same accounts does not ask again.
 */
final class AccountIds {

    private static final int REMEMBERED = 100_000;

    private final Handle handle;
    private final String workspaceId;
    private final Map<String, Long> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    AccountIds(Handle handle, String workspaceId) {
        this.handle = handle;
        this.workspaceId = workspaceId;
    }

    void remember(String externalId, long id) {
        known.put(externalId, id);
    }

    /** Ids of those of {@code externalIds} that exist; absent ones are not in the answer. */
    Map<String, Long> resolve(Collection<String> externalIds) {
        Map<String, Long> out = new HashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String externalId : externalIds) {
            Long id = known.get(externalId);
            if (id != null) {
                out.put(externalId, id);
            } else if (!out.containsKey(externalId)) {
                missing.add(externalId);
            }
        }
        if (!missing.isEmpty()) {
            for (AccountRow row : handle.attach(AccountDao.class).findMany(workspaceId,
                    missing.stream().distinct().toList())) {
                out.put(row.externalId(), row.id());
                known.put(row.externalId(), row.id());
            }
        }
        return out;
    }
}
