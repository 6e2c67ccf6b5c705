package org.healthscore.service;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.healthscore.service.accounts.AccountService;
import org.healthscore.service.audit.AuditService;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.config.JobsFactory;
import org.healthscore.service.evaluations.EvaluationChunks;
import org.healthscore.service.evaluations.EvaluationService;
import org.healthscore.service.health.HealthService;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.ingest.WideImport;
import org.healthscore.service.jobs.ChunkWorkers;
import org.healthscore.service.jobs.JobService;
import org.healthscore.service.jobs.RecomputeChunks;
import org.healthscore.service.key.KeyService;
import org.healthscore.service.scorecards.Frameworks;
import org.healthscore.service.scorecards.ScorecardService;
import org.healthscore.service.validation.RequestValidator;
import org.healthscore.service.workspace.WorkspaceService;
import org.jdbi.v3.core.Jdbi;

/** The service classes, wired once: the application adapts them to HTTP, the commands use them directly. */
public record Services(Auditor auditor, KeyService keys, WorkspaceService workspaces, MetricService metrics,
                       AuditService audit, IngestService ingest, WideImport wideImport, AccountService accounts,
                       Frameworks frameworks, ScorecardService scorecards, HealthService health, JobService jobs,
                       EvaluationService evaluations, ChunkWorkers workers) {

    public static Services build(Jdbi jdbi, JobsFactory jobs, RequestValidator validator, ObjectMapper json,
                                 Clock clock, MetricRegistry registry) {
        Auditor auditor = new Auditor(clock);
        KeyService keys = new KeyService(jdbi, validator, auditor, clock);
        MetricService metrics = new MetricService(jdbi, validator, auditor, json, clock);
        IngestService ingest = new IngestService(jdbi, json, auditor, clock);
        Frameworks frameworks = new Frameworks(json);
        ScorecardService scorecards = new ScorecardService(jdbi, validator, metrics, frameworks, auditor, json, clock);
        HealthService health = new HealthService(jdbi, scorecards, validator, json, clock);
        JobService jobService = new JobService(jdbi, scorecards, validator, auditor, json, clock, jobs.getChunkSize());
        EvaluationService evaluations = new EvaluationService(jdbi, jobService, scorecards, validator, auditor, json,
                clock, jobs.getChunkSize());
        return new Services(auditor, keys, new WorkspaceService(jdbi, validator, keys, auditor, clock), metrics,
                new AuditService(jdbi), ingest, new WideImport(ingest, validator, clock),
                new AccountService(jdbi, validator, auditor, json, clock), frameworks, scorecards, health,
                jobService, evaluations,
                new ChunkWorkers(jdbi, java.util.Map.of(
                        JobService.RECOMPUTE, new RecomputeChunks(health, scorecards, json),
                        EvaluationService.KIND, new EvaluationChunks(health, json)), clock, jobs.getWorkerThreads(),
                        Duration.ofSeconds(jobs.getLeaseSeconds()), jobs.getPollMillis(), registry));
    }
}
