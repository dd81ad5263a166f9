package com.chargeline.api.limits;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.Request;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Bucket4j's compare-and-swap proxy manager on the {@code rate_limit_bucket} table: Bucket4j reads a bucket's state,
 * applies the request to it (its token-bucket arithmetic, configuration replacement and serialization, none of them
 * ours) and writes the new state only if the row still holds the state it read, else it reads again and retries. This
 * class supplies the two storage operations, as Bucket4j's own MongoDB and Hazelcast backends do.
 *
 * <p>Why not Bucket4j's select-for-update PostgreSQL backend, used before: it takes three round trips (SELECT ... FOR
 * UPDATE, UPDATE, COMMIT) with the row locked across them, so requests of one account queue behind each other's
 * network and scheduling delays, a part of every request's time under load (issue 14, docs/BENCHMARKS.md). Here a
 * draw is one statement when this node wrote the bucket last: the read is answered by the state this node last wrote
 * or saw (a hint, never trusted: the swap compares it with the row), and a swap that finds the row changed returns
 * the row's state in the same statement, so the retry is one statement too. No lock is held between round trips.
 * Bucket4j's asynchronous API is not offered ({@link #isAsyncModeSupported} is false, so Bucket4j refuses
 * {@code asAsync()} before it could reach the two asynchronous operations below).
 */
final class PostgresBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    /** Hints beyond this many buckets are dropped all at once (a miss costs one read, never a wrong answer). */
    private static final int MAX_HINTS = 100_000;
    private static final String READ = "SELECT state FROM rate_limit_bucket WHERE id = ?";
    /*
     * The swap and, if it did not happen, the row's state: the scalar subquery reads the row as of the statement's
     * start (the data-modifying CTE does not change what it sees); should another swap have committed after that, the
     * retry fails once more and brings a newer state. A state of NULL counts as no bucket (rows inserted empty by the
     * select-for-update backend before it is filled).
     */
    private static final String UPDATE = """
            WITH swapped AS (UPDATE rate_limit_bucket SET state = ? WHERE id = ? AND state = ? RETURNING 1)
            SELECT EXISTS (SELECT FROM swapped), (SELECT state FROM rate_limit_bucket WHERE id = ?)""";
    private static final String INSERT = """
            WITH swapped AS (INSERT INTO rate_limit_bucket (id, state) VALUES (?, ?)
                             ON CONFLICT (id) DO UPDATE SET state = excluded.state WHERE rate_limit_bucket.state IS NULL
                             RETURNING 1)
            SELECT EXISTS (SELECT FROM swapped), (SELECT state FROM rate_limit_bucket WHERE id = ?)""";

    /** The bucket operation of the request this thread is executing (Bucket4j begins one per request). */
    private static final ThreadLocal<Swap> CURRENT = new ThreadLocal<>();
    /** Set while this thread executes a request again without the hint. */
    private static final ThreadLocal<Boolean> READ_FIRST = new ThreadLocal<>();

    private final DataSource dataSource;
    /** Each bucket's state as this node last wrote it or found it in a failed swap: the first guess of the next draw. */
    private final ConcurrentHashMap<String, byte[]> hints = new ConcurrentHashMap<>();

    PostgresBuckets(DataSource dataSource, TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock));
        this.dataSource = dataSource;
    }

    @Override
    public <T> CommandResult<T> execute(String key, Request<T> request) {
        try {
            var result = super.execute(key, request);
            if (CURRENT.get().answeredFromHint) {
                // the request left the bucket as it was (a refusal): its answer came from the hint, unchecked; again
                // from the row
                READ_FIRST.set(Boolean.TRUE);
                result = super.execute(key, request);
            }
            return result;
        } finally {
            CURRENT.remove();
            READ_FIRST.remove();
        }
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        var operation = new Swap(key, READ_FIRST.get() != null ? null : hints.get(key));
        CURRENT.set(operation);
        return operation;
    }

    /** One request's reads and swaps of one bucket. */
    private final class Swap implements CompareAndSwapOperation {
        private final String key;
        /** The state to try first: the hint, then what a failed swap found; null: read the row. */
        private byte[] expected;
        /** Whether {@link #expected} is still the hint, not yet compared with the row. */
        private boolean expectingHint;
        /** Whether the last state given to Bucket4j was the hint and no swap has checked it since. */
        private boolean answeredFromHint;

        Swap(String key, byte[] hint) {
            this.key = key;
            this.expected = hint;
            this.expectingHint = hint != null;
        }

        @Override
        public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
            if (expected != null) {
                answeredFromHint = expectingHint;
                return Optional.of(expected);
            }
            try (var connection = dataSource.getConnection(); var read = connection.prepareStatement(READ)) {
                read.setString(1, key);
                try (var rows = read.executeQuery()) {
                    return Optional.ofNullable(rows.next() ? rows.getBytes(1) : null);
                }
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                      Optional<Long> timeoutNanos) {
            answeredFromHint = false;
            expectingHint = false;
            try (var connection = dataSource.getConnection();
                 var swap = connection.prepareStatement(originalData == null ? INSERT : UPDATE)) {
                int i = 0;
                if (originalData == null) {
                    swap.setString(++i, key);
                    swap.setBytes(++i, newData);
                } else {
                    swap.setBytes(++i, newData);
                    swap.setString(++i, key);
                    swap.setBytes(++i, originalData);
                }
                swap.setString(++i, key);
                try (var row = swap.executeQuery()) {
                    row.next();
                    boolean swapped = row.getBoolean(1);
                    expected = swapped ? null : row.getBytes(2);
                    remember(swapped ? newData : expected);
                    return swapped;
                }
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        private void remember(byte[] state) {
            if (state == null) {
                hints.remove(key);
                return;
            }
            if (hints.size() >= MAX_HINTS) {
                hints.clear();
            }
            hints.put(key, state);
        }
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("rate-limit buckets are drawn synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("rate-limit buckets are drawn synchronously");
    }

    @Override
    public void removeProxy(String key) {
        hints.remove(key);
        try (var connection = dataSource.getConnection();
             var remove = connection.prepareStatement("DELETE FROM rate_limit_bucket WHERE id = ?")) {
            remove.setString(1, key);
            remove.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
