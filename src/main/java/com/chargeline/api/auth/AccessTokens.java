package com.chargeline.api.auth;

import com.chargeline.accounts.ApiClient;
import com.chargeline.common.id.AccountId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens: HS512-signed JWTs (as Zoom's are) that carry the client, its account and its
 * scopes, valid for one hour. The key lives in the database, so tokens survive a restart.
 */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "chargeline";
    private static final String AUDIENCE = "chargeline-api";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public AccessTokens(byte[] key, Clock clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("access-token key must be at least 512 bits", e);
        }
        this.clock = clock;
    }

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(ApiClient client) {
        return issue(client, client.scopes());
    }

    /** A token of {@code client} carrying only {@code scopes} (a subset of the client's, chosen by the grant). */
    public Issued issue(ApiClient client, List<String> scopes) {
        if (!client.scopes().containsAll(scopes)) {
            throw new IllegalArgumentException("scopes beyond the client's: " + scopes);
        }
        var now = clock.instant();
        var expires = now.plus(LIFETIME);
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(client.clientId())
                .claim("aid", client.accountId().wire())
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign access token", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /** The caller a token stands for, when its signature, issuer, audience and expiry are all right. */
    public Optional<Caller> verify(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS512.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            var expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().equals(List.of(AUDIENCE))
                    || expires == null || !clock.instant().isBefore(expires.toInstant())) {
                return Optional.empty();
            }
            var account = AccountId.parse(claims.getStringClaim("aid"));
            var scope = claims.getStringClaim("scope");
            if (account.isEmpty() || scope == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            var scopes = new HashSet<>(List.of(scope.split(" ")));
            return Optional.of(new Caller(account.get(), claims.getSubject(), scopes));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
