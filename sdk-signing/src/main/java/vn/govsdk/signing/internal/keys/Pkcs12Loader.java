package vn.govsdk.signing.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;

/** Opens PKCS#12 files. */
public final class Pkcs12Loader {

    private Pkcs12Loader() {
    }

    /**
     * Opens a key from a PKCS#12 file.
     *
     * @param file the file
     * @param secret its password
     * @param alias the key's alias, or {@code null} for the only key
     * @return the key
     */
    public static SigningKey load(Path file, Secret secret, String alias) {
        if (file == null) {
            throw new InvalidInputException("pkcs12", "must not be null");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("pkcs12", "file " + file + " does not exist");
        }
        if (secret == null) {
            throw new InvalidInputException("password", "must not be null");
        }
        char[] password = secret.value().toCharArray();
        try {
            return load(file, password, alias);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static SigningKey load(Path file, char[] password, String alias) {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SigningException("PKCS#12 file " + file + " could not be opened: wrong password", e);
            }
            throw new SigningException("PKCS#12 file " + file + " could not be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("PKCS#12 file " + file + " could not be read: " + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            String chosen;
            if (alias != null) {
                if (!keyAliases.contains(alias)) {
                    throw new InvalidInputException("alias", "no key entry named " + alias + " in " + file
                            + "; key entries: " + keyAliases);
                }
                chosen = alias;
            } else if (keyAliases.size() == 1) {
                chosen = keyAliases.get(0);
            } else if (keyAliases.isEmpty()) {
                throw new InvalidInputException("pkcs12", "file " + file + " holds no private key");
            } else {
                throw new InvalidInputException("alias", "file " + file + " holds " + keyAliases.size()
                        + " keys; choose one by alias: " + keyAliases);
            }
            PrivateKey key = (PrivateKey) ks.getKey(chosen, password);
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new InvalidInputException("pkcs12", "the key " + chosen + " in " + file + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new JcaSigningKey(key, chain, null);
        } catch (UnrecoverableKeyException e) {
            throw new SigningException("the key in PKCS#12 file " + file + " could not be opened: wrong key password", e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("PKCS#12 file " + file + " could not be read: " + e.getMessage(), e);
        }
    }
}
