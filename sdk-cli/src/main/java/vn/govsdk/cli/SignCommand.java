package vn.govsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.polling.PollingTimeoutException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.DocumentSigner;
import vn.govsdk.signing.Pkcs11Config;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.jws.JwsSigner;
import vn.govsdk.signing.remote.RemoteSigner;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampException;
import vn.govsdk.signing.xades.XadesSigner;

/**
 * {@code govsdk sign}: signs a file with a key from a PKCS#12 file or a PKCS#11 token. Passwords and
 * PINs come from files or environment variables, never from the command line.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a file: XAdES (XML), CAdES/PKCS#7 (any file), PAdES (PDF, visible or not) or JWS (JSON); "
                + "baseline B-B, or B-T and B-LT (--level T|LT --tsa URL) for XAdES, CAdES and PAdES.",
            "The key comes from a PKCS#12 file (--pkcs12 with --password-file, or the environment variable "
                    + SignCommand.PASSWORD_ENV + ") or a PKCS#11 token or HSM (--pkcs11 CONFIG with --pin-file, "
                    + "or the environment variable " + SignCommand.PIN_ENV + "), or a remote signing service "
                    + "(--remote smartca|smartca-csc|mysign|esign --remote-config FILE).",
            "Exits 0 when signed, 1 when the citizen rejected or let a remote request expire, 2 on bad usage, "
                    + "unreadable input or a key that cannot be used."})
final class SignCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "GOVSDK_PKCS12_PASSWORD";
    static final String PIN_ENV = "GOVSDK_PKCS11_PIN";

    @Option(names = "--format", required = true, paramLabel = "xades|cades|pades|jws",
            description = "signature format: xades (XML), cades (any file; PKCS#7), pades (PDF), jws (JSON)")
    private String format;

    @Option(names = "--packaging", paramLabel = "enveloped|enveloping|detached",
            description = "where the signature goes: enveloped (XAdES default), enveloping (the content inside: "
                    + "attached CAdES, JWS default) or detached (CAdES default)")
    private String packaging;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the file to sign")
    private Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the signed file or detached signature")
    private Path out;

    @Option(names = "--pkcs12", paramLabel = "FILE", description = "PKCS#12 key file (.p12, .pfx)")
    private Path pkcs12;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the PKCS#12 password")
    private Path passwordFile;

    @Option(names = "--pkcs11", paramLabel = "CONFIG",
            description = "PKCS#11 configuration file: library = ..., slotListIndex | slot | tokenLabel = ..., "
                    + "optional keyLabel, keyId")
    private Path pkcs11;

    @Option(names = "--pin-file", paramLabel = "FILE", description = "file holding the token PIN")
    private Path pinFile;

    @Option(names = "--remote", paramLabel = "smartca|smartca-csc|mysign|esign",
            description = "sign through a remote signing service (the citizen confirms on the phone) instead of "
                    + "--pkcs12/--pkcs11; settings from --remote-config")
    private String remote;

    @Option(names = "--remote-config", paramLabel = "FILE",
            description = "properties file for --remote: endpoint, userId and the provider's ids, with secrets in "
                    + "files (spPasswordFile, clientSecretFile, userPasswordFile) or environment variables")
    private Path remoteConfig;

    @Option(names = "--remote-wait", paramLabel = "DURATION",
            description = "how long to wait for the citizen to confirm (90s, 5m, PT5M); default 5m")
    private String remoteWait = "5m";

    @Option(names = "--level", paramLabel = "B|T|LT", description = "baseline level: B (B-B, default), T (B-T, "
            + "with a signature timestamp) or LT (B-LT, timestamp plus the certificates and OCSP/CRL answers, so it "
            + "verifies offline); T and LT need --tsa")
    private String level = "B";

    @Option(names = "--tsa", paramLabel = "URL", description = "timestamp authority (RFC 3161) for levels T and LT; "
            + "repeat for fail-over, tried in order (timeout 180 s, 3 attempts each)")
    private java.util.List<String> tsa = new java.util.ArrayList<>();

    @CommandLine.Mixin
    private VisibleSignatureOptions pades = new VisibleSignatureOptions();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        try {
            DocumentSigner signer = signer();
            if (!Files.isRegularFile(in)) {
                err.println("cannot read --in " + in + ": no such file");
                return GovSdkCommand.USAGE;
            }
            Document document = Document.of(in);
            try (SigningKey key = key()) {
                SignedDocument signed = signer.sign(document, key);
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                signed.writeTo(out);
                o.println("signed " + in + " -> " + out + ": " + signed.format().displayName() + " "
                        + (signed.level() == SignatureLevel.NONE ? "" : signed.level().displayName() + " ")
                        + signed.packaging().name().toLowerCase(Locale.ROOT)
                        + ", " + signed.algorithm().jwsName() + ", at " + signed.signingTime());
                o.println("  signer: " + signed.signerCertificate().getSubjectX500Principal().getName()
                        + " (issuer " + signed.signerCertificate().getIssuerX500Principal().getName() + ")");
                if (pades.describe() != null) {
                    o.println("  " + pades.describe());
                }
            }
            return GovSdkCommand.OK;
        } catch (InvalidInputException e) {
            err.println("invalid: " + VisibleSignatureOptions.asFlag(e).getMessage());
            return GovSdkCommand.USAGE;
        } catch (RemoteSigningException e) {
            err.println("not signed: " + e.getMessage());
            return GovSdkCommand.NEGATIVE;
        } catch (SigningException e) {
            err.println("cannot sign: " + e.getMessage());
            return GovSdkCommand.USAGE;
        } catch (TimestampException e) {
            err.println("cannot timestamp: " + e.getMessage());
            return GovSdkCommand.NEGATIVE;
        } catch (PollingTimeoutException e) {
            err.println("not signed: the citizen did not confirm within --remote-wait " + remoteWait);
            return GovSdkCommand.NEGATIVE;
        } catch (GovSdkException e) {
            err.println("cannot sign: " + e.getMessage());
            return GovSdkCommand.USAGE;
        } catch (IOException e) {
            err.println("cannot write --out " + out + ": " + e.getMessage());
            return GovSdkCommand.USAGE;
        }
    }

    private DocumentSigner signer() {
        String f = format.toLowerCase(Locale.ROOT);
        SignatureLevel lvl = switch (level.toUpperCase(Locale.ROOT)) {
            case "B", "B-B" -> SignatureLevel.B_B;
            case "T", "B-T" -> SignatureLevel.B_T;
            case "LT", "B-LT" -> SignatureLevel.B_LT;
            default -> throw new InvalidInputException("--level", "must be B, T or LT, got " + level
                    + (level.toUpperCase(Locale.ROOT).contains("LTA") ? " (B-LTA is not supported)" : ""));
        };
        TimestampClient timestamps = null;
        if (lvl == SignatureLevel.B_B) {
            if (!tsa.isEmpty()) {
                throw new InvalidInputException("--tsa", "applies to levels T and LT only; add --level T or --level LT");
            }
        } else {
            if (tsa.isEmpty()) {
                throw new InvalidInputException("--tsa", "is required for --level " + level.toUpperCase(Locale.ROOT)
                        + ": give the timestamp authority's URL, for example --tsa http://tsa.ca.gov.vn");
            }
            if (!f.equals("cades") && !f.equals("pades") && !f.equals("xades")) {
                throw new InvalidInputException("--level", level.toUpperCase(Locale.ROOT) + " is available for "
                        + "--format cades, xades and pades; " + f + " signs at level B");
            }
            TimestampClient.Builder tb = TimestampClient.builder();
            for (String url : tsa) {
                try {
                    tb.authority(java.net.URI.create(url.trim()));
                } catch (IllegalArgumentException | InvalidInputException e) {
                    throw new InvalidInputException("--tsa", "must be an absolute http or https URL, got " + url);
                }
            }
            timestamps = tb.build();
        }
        SignaturePackaging p = packaging == null ? null : switch (packaging.toLowerCase(Locale.ROOT)) {
            case "enveloped" -> SignaturePackaging.ENVELOPED;
            case "enveloping", "attached" -> SignaturePackaging.ENVELOPING;
            case "detached" -> SignaturePackaging.DETACHED;
            default -> throw new InvalidInputException("--packaging", "must be enveloped, enveloping or detached, got " + packaging);
        };
        if (!f.equals("pades")) {
            pades.refuseUnlessPades(format);
        }
        return switch (f) {
            case "xades" -> {
                XadesSigner.Builder xb = XadesSigner.builder().packaging(p == null ? SignaturePackaging.ENVELOPED : p);
                if (timestamps != null) {
                    xb.level(lvl).timestampClient(timestamps);
                }
                yield xb.build();
            }
            case "cades", "pkcs7" -> {
                CadesSigner.Builder cb = CadesSigner.builder().packaging(p == null ? SignaturePackaging.DETACHED : p)
                        .format(f.equals("pkcs7") ? SignatureFormat.PKCS7
                                : SignatureFormat.CADES);
                if (timestamps != null) {
                    cb.level(lvl).timestampClient(timestamps);
                }
                yield cb.build();
            }
            case "jws" -> JwsSigner.builder().packaging(p == null ? SignaturePackaging.ENVELOPING : p).build();
            case "pades" -> {
                if (p != null && p != SignaturePackaging.ENVELOPED) {
                    throw new InvalidInputException("--packaging", "must be enveloped for pades: the signature goes inside the PDF");
                }
                yield pades.padesSigner(lvl, timestamps);
            }
            default -> throw new InvalidInputException("--format", "must be xades, cades, pades or jws, got " + format);
        };
    }

    private SigningKey key() {
        if (remote != null) {
            return remoteKey();
        }
        if (remoteConfig != null) {
            throw new InvalidInputException("--remote-config", "goes with --remote");
        }
        if ((pkcs12 == null) == (pkcs11 == null)) {
            throw new InvalidInputException("key", "give exactly one of --pkcs12 FILE or --pkcs11 CONFIG");
        }
        if (pkcs12 != null) {
            if (pinFile != null) {
                throw new InvalidInputException("--pin-file", "goes with --pkcs11; a PKCS#12 file takes --password-file");
            }
            return SigningKey.pkcs12(pkcs12, secret(passwordFile, "--password-file", PASSWORD_ENV));
        }
        if (passwordFile != null) {
            throw new InvalidInputException("--password-file", "goes with --pkcs12; a token takes --pin-file");
        }
        return SigningKey.pkcs11(Pkcs11Config.fromFile(pkcs11).pin(secret(pinFile, "--pin-file", PIN_ENV)).build());
    }

    private SigningKey remoteKey() {
        if (pkcs12 != null || pkcs11 != null || passwordFile != null || pinFile != null) {
            throw new InvalidInputException("--remote", "replaces --pkcs12/--pkcs11 and their password or PIN files; give one way to sign");
        }
        java.time.Duration wait = RemoteSignerConfig.duration("--remote-wait", remoteWait);
        RemoteSignerConfig config = RemoteSignerConfig.load(remoteConfig);
        RemoteSigner signer = config.build(remote);
        try {
            SigningKey key = signer.signingKey(config.userId(), wait);
            spec.commandLine().getOut().println("signing through " + signer.providerName() + " for user "
                    + PersonalDataMasker.maskIdentifier(config.userId())
                    + ": confirm on the phone within " + wait.toSeconds() + " s");
            spec.commandLine().getOut().flush();
            return new SigningKey() {
                @Override
                public java.util.List<java.security.cert.X509Certificate> certificateChain() {
                    return key.certificateChain();
                }

                @Override
                public byte[] sign(byte[] dataToSign, SignatureAlgorithm algorithm) {
                    return key.sign(dataToSign, algorithm);
                }

                @Override
                public void close() {
                    signer.close();
                }
            };
        } catch (RuntimeException e) {
            signer.close();
            throw e;
        }
    }

    private static Secret secret(Path file, String option, String variable) {
        if (file != null) {
            return Secret.fromFile(file);
        }
        String env = System.getenv(variable);
        if (env == null || env.isEmpty()) {
            throw new InvalidInputException(option, "is required (or set the environment variable " + variable
                    + "); secrets are never taken from the command line");
        }
        return Secret.of(env);
    }
}
