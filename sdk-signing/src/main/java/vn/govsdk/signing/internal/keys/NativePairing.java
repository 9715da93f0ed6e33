package vn.govsdk.signing.internal.keys;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Pkcs11Config;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.internal.crypto.Ecdsa;

/** Pairs keys and certificates on a token through the JDK's PKCS#11 wrapper. */
final class NativePairing {

    private static final Logger LOG = LoggerFactory.getLogger(NativePairing.class);
    private static final byte[] CHALLENGE = "govsdk: pairing a token key with its certificate".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private NativePairing() {
    }

    /** Returns the DER encodings of the certificates the key label or key id in the config designates. */
    static List<byte[]> certificatesFor(Pkcs11Config config, Long slotId, char[] pin) {
        Pkcs11Native n = Pkcs11Native.open(config.library(), "choosing a key by " + (config.keyLabel().isPresent() ? "label" : "id"));
        long slot = resolveSlot(n, config, slotId);
        long session = n.openLoggedInSession(slot, pin);
        try {
            List<Pkcs11Native.TokenObject> keys = n.find(session, Pkcs11Native.CKO_PRIVATE_KEY);
            List<Pkcs11Native.TokenObject> certs = n.find(session, Pkcs11Native.CKO_CERTIFICATE);
            List<byte[]> ids = new ArrayList<>();
            for (Pkcs11Native.TokenObject o : keys) {
                if (designated(config, o)) {
                    ids.add(o.id());
                }
            }
            List<byte[]> result = new ArrayList<>();
            for (Pkcs11Native.TokenObject c : certs) {
                boolean byKey = ids.stream().anyMatch(id -> id != null && Arrays.equals(id, c.id()));
                if (designated(config, c) || byKey) {
                    byte[] der = n.attributeBytes(session, c.handle(), Pkcs11Native.CKA_VALUE);
                    if (der != null) {
                        result.add(der);
                    }
                }
            }
            return result;
        } finally {
            n.closeSession(session);
        }
    }

    static SigningKey open(Pkcs11Config config, Long slotId, char[] pin) {
        Pkcs11Native n = Pkcs11Native.open(config.library(), "a token whose key and certificate have different CKA_IDs");
        long slot = resolveSlot(n, config, slotId);
        long session = n.openLoggedInSession(slot, pin);
        boolean keep = false;
        try {
            List<Pkcs11Native.TokenObject> keys = n.find(session, Pkcs11Native.CKO_PRIVATE_KEY);
            List<X509Certificate> certs = new ArrayList<>();
            List<Pkcs11Native.TokenObject> certObjects = n.find(session, Pkcs11Native.CKO_CERTIFICATE);
            List<X509Certificate> designatedCerts = new ArrayList<>();
            for (Pkcs11Native.TokenObject c : certObjects) {
                byte[] der = n.attributeBytes(session, c.handle(), Pkcs11Native.CKA_VALUE);
                X509Certificate x = der == null ? null : Pkcs11SigningKey.parse(der);
                if (x != null) {
                    certs.add(x);
                    if (designated(config, c)) {
                        designatedCerts.add(x);
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new SigningException("the token holds no private key (after logging in); is this the right slot?");
            }
            boolean filtered = config.keyLabel().isPresent() || config.keyId().isPresent();
            List<Pkcs11Native.TokenObject> candidateKeys = new ArrayList<>();
            for (Pkcs11Native.TokenObject k : keys) {
                if (!filtered || designated(config, k) || !designatedCerts.isEmpty()) {
                    candidateKeys.add(k);
                }
            }
            List<X509Certificate> candidateCerts = filtered && !designatedCerts.isEmpty() ? designatedCerts : certs;
            List<Match> matches = new ArrayList<>();
            for (X509Certificate cert : candidateCerts) {
                if (!signingCertificate(cert)) {
                    continue;
                }
                SignatureAlgorithm alg;
                try {
                    alg = SignatureAlgorithm.defaultFor(cert.getPublicKey());
                } catch (InvalidInputException e) {
                    continue;
                }
                for (Pkcs11Native.TokenObject k : candidateKeys) {
                    try {
                        byte[] value = signWith(n, session, k.handle(), alg, CHALLENGE, cert);
                        if (alg.verify(cert.getPublicKey(), CHALLENGE, value)) {
                            matches.add(new Match(k, cert));
                        }
                    } catch (RuntimeException e) {
                        LOG.debug("token key {} cannot sign for {}: {}", k.label(), cert.getSubjectX500Principal(), e.getMessage());
                    }
                }
            }
            if (matches.isEmpty()) {
                throw new SigningException("no private key on the token matches a signing certificate on it ("
                        + keys.size() + " keys, " + certs.size() + " certificates); import the certificate "
                        + "that belongs to the key");
            }
            if (matches.size() > 1) {
                List<String> names = new ArrayList<>();
                for (Match m : matches) {
                    names.add(m.cert().getSubjectX500Principal().getName() + " (key label " + m.key().label() + ")");
                }
                throw new InvalidInputException("keyLabel", "the token holds several keys with certificates; choose one: "
                        + String.join(", ", names));
            }
            Match m = matches.get(0);
            LOG.debug("paired token key '{}' with certificate {} by public key", m.key().label(),
                    m.cert().getSubjectX500Principal());
            keep = true;
            return new NativeSigningKey(n, session, m.key().handle(), completeChain(m.cert(), certs));
        } finally {
            if (!keep) {
                n.closeSession(session);
            }
        }
    }

    private record Match(Pkcs11Native.TokenObject key, X509Certificate cert) {
    }

    private static boolean designated(Pkcs11Config config, Pkcs11Native.TokenObject o) {
        Optional<String> label = config.keyLabel();
        Optional<byte[]> id = config.keyId();
        return (label.isPresent() && label.get().equals(o.label()))
                || (id.isPresent() && o.id() != null && Arrays.equals(id.get(), o.id()));
    }

    private static boolean signingCertificate(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return (ku == null || ku[0] || ku[1]) && cert.getBasicConstraints() < 0;
    }

    private static long resolveSlot(Pkcs11Native n, Pkcs11Config config, Long slotId) {
        if (slotId != null) {
            return slotId;
        }
        List<Pkcs11Native.Slot> slots = n.slotsWithTokens();
        int index = config.slotIndex().orElse(0);
        if (index >= slots.size()) {
            throw new InvalidInputException("slotIndex", "is " + index + " but only " + slots.size()
                    + " slot(s) hold a token");
        }
        return slots.get(index).id();
    }

    static List<X509Certificate> completeChain(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        for (int i = 0; i < 8; i++) {
            if (current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
                break;
            }
            X509Certificate issuer = null;
            for (X509Certificate c : pool) {
                if (c != current && !chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    try {
                        current.verify(c.getPublicKey());
                        issuer = c;
                        break;
                    } catch (java.security.GeneralSecurityException e) {
                        // not this one
                    }
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    static byte[] signWith(Pkcs11Native n, long session, long key, SignatureAlgorithm alg, byte[] data, X509Certificate cert) {
        long mechanism;
        Object params = null;
        byte[] input = data;
        switch (alg) {
            case RSA_SHA256 -> mechanism = 0x40;
            case RSA_SHA384 -> mechanism = 0x41;
            case RSA_SHA512 -> mechanism = 0x42;
            case RSA_PSS_SHA256, RSA_PSS_SHA384, RSA_PSS_SHA512 -> {
                mechanism = alg == SignatureAlgorithm.RSA_PSS_SHA256 ? 0x43 : alg == SignatureAlgorithm.RSA_PSS_SHA384 ? 0x44 : 0x45;
                params = n.pssParams(alg.digestAlgorithm().jcaName(), alg.digestAlgorithm().length());
            }
            case ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512 -> {
                mechanism = 0x1041; // CKM_ECDSA over the hash
                input = alg.digestAlgorithm().digest(data);
            }
            default -> throw new SigningException("unsupported algorithm " + alg);
        }
        byte[] value = n.sign(session, key, mechanism, params, input);
        if (alg.keyAlgorithm().equals("EC")) {
            int fieldBytes = (((java.security.interfaces.ECPublicKey) cert.getPublicKey()).getParams().getCurve()
                    .getField().getFieldSize() + 7) / 8;
            return Ecdsa.concatToDer(value, fieldBytes);
        }
        return value;
    }

    /** A token key used through the wrapper. */
    static final class NativeSigningKey implements SigningKey {
        private final Pkcs11Native n;
        private final long session;
        private final long handle;
        private final List<X509Certificate> chain;
        private boolean closed;

        NativeSigningKey(Pkcs11Native n, long session, long handle, List<X509Certificate> chain) {
            this.n = n;
            this.session = session;
            this.handle = handle;
            this.chain = List.copyOf(chain);
        }

        @Override
        public List<X509Certificate> certificateChain() {
            return chain;
        }

        @Override
        public synchronized byte[] sign(byte[] dataToSign, SignatureAlgorithm algorithm) {
            if (closed) {
                throw new SigningException("this token key was closed");
            }
            algorithm.checkKey(certificate().getPublicKey());
            return signWith(n, session, handle, algorithm, dataToSign, certificate());
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                n.closeSession(session);
            }
        }

        @Override
        public String toString() {
            return "Pkcs11SigningKey[" + certificate().getSubjectX500Principal().getName() + ", paired by public key, serial "
                    + new BigInteger(1, certificate().getSerialNumber().toByteArray()).toString(16) + "]";
        }
    }
}
