package jp.bousai.relay.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.store.RelayStore;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link RelayStore} contract, clause by clause, through the ports only. A store kind runs it
 * by extending this class with how to open it and how to make its commits fail; every kind must
 * pass it unchanged.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
public abstract class StoreContract {

    protected static final String CHANNEL = "contract-channel";
    private static final int CONCURRENT = 200;

    private final List<RelayStore> opened = new CopyOnWriteArrayList<>();

    /**
     * Opens the store under test: empty at a test's first call, the same data at later calls in
     * the same test (after the store opened before was closed).
     */
    protected abstract Future<RelayStore> openStore(Vertx vertx, ChannelRoutes routes);

    /** Makes the store's commits fail from now on, as a full disk or a lost database would. */
    protected abstract Future<Void> breakCommits(RelayStore store);

    /** Lifts {@link #breakCommits}: commits can succeed again. */
    protected abstract Future<Void> repairCommits(RelayStore store);

    private Future<RelayStore> open(Vertx vertx, ChannelRoutes routes) {
        return openStore(vertx, routes).onSuccess(opened::add);
    }

    @AfterEach
    void closeEverythingOpened(VertxTestContext ctx) {
        Future.join(opened.stream().map(RelayStore::close).toList()).onComplete(ctx.succeedingThenComplete());
    }

    /** Clause 1: what is acknowledged is stored and survives a restart, under the same seq. */
    @Test
    void acknowledgedVersionsSurviveClosingAndReopening(Vertx vertx, VertxTestContext ctx) {
        List<ObjectNode> sent = new ArrayList<>();
        open(vertx, ChannelRoutes.NONE).compose(store -> {
            List<Future<AppendOutcome>> appends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ObjectNode advisory = Examples.fresh(Examples.ORDER);
                sent.add(advisory);
                appends.add(store.append(Examples.submission(advisory)));
            }
            return Future.all(appends).compose(all -> store.close()).map(closed -> appends);
        }).compose(appends -> open(vertx, ChannelRoutes.NONE).compose(reopened -> {
            List<Future<?>> checks = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                long seq = appends.get(i).result().seq();
                checks.add(reopened.document(sent.get(i).get("documentId").asText(), Instant.now())
                        .map(found -> {
                            assertThat(found).as("acknowledged seq %d after a restart", seq).isPresent();
                            assertThat(found.get().record().seq()).isEqualTo(seq);
                            return found;
                        }));
            }
            return Future.all(checks).compose(v -> reopened.after(0, AdvisoryFilter.ACTUAL_EVERYWHERE, 100));
        })).onComplete(ctx.succeeding(replay -> ctx.verify(() -> {
            assertThat(replay.records()).extracting(AdvisoryRecord::seq).containsExactlyElementsOf(seqs(1, 20));
            ctx.completeNow();
        })));
    }

    /**
     * Clauses 2 and 3: concurrent appends get 1..n without gaps; listeners see each once, in seq
     * order, after its commit (a read finds it) and before its append is acknowledged.
     */
    @Test
    void concurrentAppendsGetGapFreeSeqsAndListenersSeeThemInOrderAfterCommitBeforeTheAck(Vertx vertx,
                                                                                          VertxTestContext ctx) {
        List<Long> heard = new CopyOnWriteArrayList<>();
        List<Future<?>> readsFromListener = new CopyOnWriteArrayList<>();
        open(vertx, ChannelRoutes.NONE).compose(store -> {
            store.onCommitted(record -> {
                heard.add(record.seq());
                readsFromListener.add(store.document(record.advisory().documentId(), Instant.now()).map(found -> {
                    assertThat(found).as("seq %d is readable once its listener is called", record.seq()).isPresent();
                    return found;
                }));
            });
            List<Future<AppendOutcome>> appends = new ArrayList<>();
            List<Long> heardAtAck = new CopyOnWriteArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                appends.add(store.append(Examples.submission(Examples.fresh(Examples.ORDER))).onSuccess(outcome -> {
                    if (!heard.contains(outcome.seq())) {
                        heardAtAck.add(outcome.seq());
                    }
                }));
            }
            return Future.all(appends).map(all -> {
                assertThat(heardAtAck).as("acknowledged before the listeners heard of them").isEmpty();
                return appends;
            });
        }).compose(appends -> Future.all(readsFromListener).map(appends))
                .onComplete(ctx.succeeding(appends -> ctx.verify(() -> {
                    assertThat(appends).extracting(append -> append.result().seq())
                            .containsExactlyInAnyOrderElementsOf(seqs(1, CONCURRENT));
                    assertThat(heard).containsExactlyElementsOf(seqs(1, CONCURRENT));
                    ctx.completeNow();
                })));
    }

    /** Clause 4: the same distribution again is its first result; reused for other content, a conflict. */
    @Test
    void aRepeatedDistributionIsItsFirstResultAndAReusedIdConflicts(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode reused = Examples.revision(order, 2).put("distributionId", order.get("distributionId").asText());
        List<AdvisoryRecord> heard = new CopyOnWriteArrayList<>();
        open(vertx, ChannelRoutes.NONE).compose(store -> {
            store.onCommitted(heard::add);
            return store.append(Examples.submission(order))
                    .compose(first -> store.append(Examples.submission(order)).map(again -> {
                        assertThat(again).isEqualTo(new AppendOutcome.Duplicate(first.seq(), first.documentId(), 1));
                        return first;
                    }))
                    .compose(first -> refusal(store.append(Examples.submission(reused))));
        }).onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
            assertThat(refused.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(refused.detail()).contains("already used for different content");
            assertThat(heard).as("nothing new is committed for a repeat or a refusal").hasSize(1);
            ctx.completeNow();
        })));
    }

    /** Clause 5: stale revisions, anything after a Cancel and a change of mode are refused. */
    @Test
    void staleRevisionsRevisionsAfterACancelAndModeChangesAreRefused(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode second = Examples.revision(order, 2);
        ObjectNode stale = Examples.revision(order, 2);
        ObjectNode drill = Examples.revision(order, 3).put("mode", "Exercise");
        ObjectNode cancel = Examples.revision(order, 3).put("type", "Cancel");
        cancel.remove("evacuation");
        ObjectNode afterCancel = Examples.revision(order, 4);
        List<ProblemException> refusals = new ArrayList<>();
        open(vertx, ChannelRoutes.NONE).compose(store -> store.append(Examples.submission(order))
                .compose(v -> store.append(Examples.submission(second)))
                .compose(v -> refusal(store.append(Examples.submission(stale)))).map(refusals::add)
                .compose(v -> refusal(store.append(Examples.submission(drill)))).map(refusals::add)
                .compose(v -> store.append(Examples.submission(cancel)))
                .compose(v -> refusal(store.append(Examples.submission(afterCancel)))).map(refusals::add)
                .compose(v -> store.document(order.get("documentId").asText(), Instant.now())))
                .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
                    assertThat(refusals).extracting(ProblemException::type).containsOnly(ProblemType.CONFLICT);
                    assertThat(refusals.get(0).detail()).contains("is stale: revision 2 is stored");
                    assertThat(refusals.get(1).detail()).contains("cannot move it to mode Exercise");
                    assertThat(refusals.get(2).detail()).contains("was cancelled at revision 3");
                    assertThat(stored.orElseThrow().record().seq()).isEqualTo(3);
                    ctx.completeNow();
                })));
    }

    /** Clause 6: an acknowledged version is pending for its channels; a refused one is not. */
    @Test
    void anAcknowledgedVersionIsInItsChannelsOutboxAndARefusedOneIsNot(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode stale = order.deepCopy().put("distributionId", "stale-" + order.get("distributionId").asText());
        open(vertx, advisory -> List.of(CHANNEL)).compose(store -> store.append(Examples.submission(order))
                .compose(first -> refusal(store.append(Examples.submission(stale))).map(first))
                .compose(first -> store.deliveries().depth(CHANNEL)
                        .compose(depth -> store.deliveries().pending(CHANNEL, DeliveryOrder.TOTAL,
                                Instant.now().plusSeconds(1), 10).map(pending -> {
                                    assertThat(depth).isEqualTo(1);
                                    assertThat(pending).extracting(p -> p.record().seq()).containsExactly(first.seq());
                                    return pending;
                                }))))
                .onComplete(ctx.succeedingThenComplete());
    }

    /** Clause 7: appends committed together are judged one by one; refusals do not fail the others. */
    @Test
    void aRefusalAmongConcurrentAppendsFailsOnlyItself(Vertx vertx, VertxTestContext ctx) {
        ObjectNode first = Examples.fresh(Examples.ORDER);
        open(vertx, ChannelRoutes.NONE).compose(store -> store.append(Examples.submission(first)).compose(v -> {
            List<Future<AppendOutcome>> good = new ArrayList<>();
            List<Future<ProblemException>> bad = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                good.add(store.append(Examples.submission(Examples.fresh(Examples.ORDER))));
                if (i % 20 == 0) {
                    bad.add(refusal(store.append(Examples.submission(Examples.revision(first, 1)))));
                }
            }
            return Future.all(good).compose(g -> Future.all(bad)).map(all -> {
                assertThat(bad).extracting(refused -> refused.result().type()).containsOnly(ProblemType.CONFLICT);
                return good;
            });
        })).onComplete(ctx.succeeding(good -> ctx.verify(() -> {
            assertThat(good).extracting(append -> append.result().seq())
                    .containsExactlyInAnyOrderElementsOf(seqs(2, CONCURRENT + 1));
            ctx.completeNow();
        })));
    }

    /**
     * Clause 8: pruning drops old history but keeps every document's current version and what a
     * channel still has pending, and reports resuming from before it as a gap.
     */
    @Test
    void pruningKeepsCurrentAndPendingVersions(Vertx vertx, VertxTestContext ctx) {
        ObjectNode routed = Examples.fresh(Examples.ORDER);
        ObjectNode other = Examples.fresh(Examples.ORDER);
        String routedId = routed.get("documentId").asText();
        ChannelRoutes firstOfRouted = advisory -> advisory.documentId().equals(routedId) && advisory.revision() == 1
                ? List.of(CHANNEL) : List.of();
        open(vertx, firstOfRouted).compose(store -> store.append(Examples.submission(routed))     // 1: pending
                .compose(v -> store.append(Examples.submission(Examples.revision(routed, 2))))    // 2: current
                .compose(v -> store.append(Examples.submission(other)))                           // 3: superseded
                .compose(v -> store.append(Examples.submission(Examples.revision(other, 2))))     // 4: current
                .compose(v -> store.pruneHistory(Instant.now().plusSeconds(3600)))
                .compose(firstRetained -> store.after(0, AdvisoryFilter.ACTUAL_EVERYWHERE, 100).map(replay -> {
                    assertThat(firstRetained).isEqualTo(5);
                    assertThat(replay.firstRetainedSeq()).as("resuming from before it is a gap").isEqualTo(5);
                    assertThat(replay.records()).extracting(AdvisoryRecord::seq).containsExactly(1L, 2L, 4L);
                    return replay;
                }))
                .compose(v -> store.document(other.get("documentId").asText(), Instant.now()))
                .compose(current -> store.deliveries().pending(CHANNEL, DeliveryOrder.TOTAL,
                        Instant.now().plusSeconds(1), 10).map(pending -> {
                            assertThat(current.orElseThrow().record().seq()).isEqualTo(4);
                            assertThat(pending).extracting(p -> p.record().seq()).containsExactly(1L);
                            return pending;
                        })))
                .onComplete(ctx.succeedingThenComplete());
    }

    /**
     * Clause 9: a failed commit fails its appends and reports the store down, leaves no gap and no
     * wedge: once commits work again the next append gets the next seq.
     */
    @Test
    void aFailedCommitLeavesNoGapAndNoWedge(Vertx vertx, VertxTestContext ctx) {
        List<Long> heard = new CopyOnWriteArrayList<>();
        Set<String> refusedDocuments = ConcurrentHashMap.newKeySet();
        open(vertx, ChannelRoutes.NONE).compose(store -> {
            store.onCommitted(record -> heard.add(record.seq()));
            return store.append(Examples.submission(Examples.fresh(Examples.ORDER)))
                    .compose(first -> breakCommits(store))
                    .compose(broken -> appendUntilRefused(store, refusedDocuments, 40))
                    .compose(refused -> {
                        ctx.verify(() -> {
                            assertThat(refused.type()).isEqualTo(ProblemType.UNAVAILABLE);
                            assertThat(store.isOpen()).as("down while commits fail").isFalse();
                        });
                        return repairCommits(store);
                    })
                    .compose(repaired -> store.append(Examples.submission(Examples.fresh(Examples.ORDER))))
                    .compose(next -> Future.all(refusedDocuments.stream()
                            .map(id -> store.document(id, Instant.now()).map(found -> {
                                assertThat(found).as("refused document %s is not stored", id).isEmpty();
                                return found;
                            })).toList()).map(next));
        }).onComplete(ctx.succeeding(next -> ctx.verify(() -> {
            assertThat(next).isInstanceOf(AppendOutcome.Accepted.class);
            assertThat(heard).as("the sequence goes on without a gap").containsExactlyElementsOf(seqs(1, next.seq()));
            ctx.completeNow();
        })));
    }

    /** Appends large advisories one by one until one is refused; fails when {@code most} all succeed. */
    private static Future<ProblemException> appendUntilRefused(RelayStore store, Set<String> refused, int most) {
        if (most == 0) {
            return Future.failedFuture(new AssertionError("no append was refused while commits were broken"));
        }
        ObjectNode advisory = Examples.fresh(Examples.ORDER);
        advisory.putObject("text").put("ja", "避難してください。".repeat(800));
        return store.append(Examples.submission(advisory)).transform(done -> {
            if (done.succeeded()) {
                return appendUntilRefused(store, refused, most - 1);
            }
            refused.add(advisory.get("documentId").asText());
            return done.cause() instanceof ProblemException problem ? Future.succeededFuture(problem)
                    : Future.failedFuture(done.cause());
        });
    }

    /** The problem an operation was refused with; fails when it was not refused. */
    protected static Future<ProblemException> refusal(Future<?> operation) {
        return operation.transform(result -> result.failed() && result.cause() instanceof ProblemException problem
                ? Future.succeededFuture(problem)
                : Future.failedFuture(new AssertionError("expected a refusal, got " + result.result())));
    }

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
