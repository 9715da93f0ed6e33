package vn.govsdk.signing.internal.keys;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.govsdk.signing.SigningException;

/**
 * The few PKCS#11 calls SunPKCS11's public API does not offer (token labels, objects whose
 * {@code CKA_ID}s do not pair, signing with an object handle), made through the JDK's own PKCS#11
 * wrapper by reflection. The wrapper is not exported, so the JVM needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}; without it these
 * calls fail with a message saying so, and everything else still works.
 */
final class Pkcs11Native {

    static final String PACKAGE = "sun.security.pkcs11.wrapper";
    static final String ADD_EXPORTS = "--add-exports jdk.crypto.cryptoki/" + PACKAGE + "=ALL-UNNAMED";

    static final long CKA_CLASS = 0x0;
    static final long CKA_LABEL = 0x3;
    static final long CKA_VALUE = 0x11;
    static final long CKA_ID = 0x102;
    static final long CKO_CERTIFICATE = 1;
    static final long CKO_PRIVATE_KEY = 3;
    static final long CKF_SERIAL_SESSION = 4;
    static final long CKU_USER = 1;
    static final long CKF_OS_LOCKING_OK = 2;
    static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    static final long CKR_PIN_INCORRECT = 0xA0;

    private final Object p11;
    private final Class<?> attributeClass;
    private final Constructor<?> attrType;
    private final Constructor<?> attrLong;
    private final Constructor<?> attrObject;
    private final Class<?> mechanismClass;

    private Pkcs11Native(Object p11) throws ReflectiveOperationException {
        this.p11 = p11;
        this.attributeClass = Class.forName(PACKAGE + ".CK_ATTRIBUTE");
        this.attrType = attributeClass.getConstructor(long.class);
        this.attrLong = attributeClass.getConstructor(long.class, long.class);
        this.attrObject = attributeClass.getConstructor(long.class, Object.class);
        this.mechanismClass = Class.forName(PACKAGE + ".CK_MECHANISM");
    }

    /**
     * Tells whether the wrapper is reachable from this code.
     *
     * @return {@code true} if the JVM exports the wrapper package to us
     */
    static boolean available() {
        try {
            Class<?> c = Class.forName(PACKAGE + ".PKCS11");
            return c.getModule().isExported(PACKAGE, Pkcs11Native.class.getModule());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Pkcs11Native open(Path library, String purpose) {
        if (!available()) {
            throw new SigningException(purpose + " needs the JDK's PKCS#11 wrapper: run the JVM with " + ADD_EXPORTS
                    + " (the govsdk command does), or choose the slot by index or id and import the key and "
                    + "certificate with the same CKA_ID");
        }
        try {
            Class<?> pkcs11 = Class.forName(PACKAGE + ".PKCS11");
            Class<?> initArgsClass = Class.forName(PACKAGE + ".CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsClass.getConstructor().newInstance();
            initArgsClass.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            Method getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgsClass, boolean.class);
            Object p = getInstance.invoke(null, library.toString(), "C_GetFunctionList", initArgs, false);
            return new Pkcs11Native(p);
        } catch (InvocationTargetException e) {
            throw new SigningException("PKCS#11 module " + library + " could not be loaded: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SigningException("the JDK's PKCS#11 wrapper is not usable in this JVM: " + e, e);
        }
    }

    /** A token in a slot. */
    record Slot(long id, String label) {
    }

    List<Slot> slotsWithTokens() {
        long[] ids = (long[]) call("C_GetSlotList", new Class<?>[] {boolean.class}, true);
        List<Slot> slots = new ArrayList<>();
        for (long id : ids) {
            Object info = call("C_GetTokenInfo", new Class<?>[] {long.class}, id);
            try {
                char[] label = (char[]) info.getClass().getField("label").get(info);
                slots.add(new Slot(id, new String(label).strip()));
            } catch (ReflectiveOperationException e) {
                throw new SigningException("cannot read the token label of slot " + id, e);
            }
        }
        return slots;
    }

    long openLoggedInSession(long slotId, char[] pin) {
        long session = (long) call("C_OpenSession", new Class<?>[] {long.class, long.class, Object.class,
                classOf("CK_NOTIFY")}, slotId, CKF_SERIAL_SESSION, null, null);
        try {
            call("C_Login", new Class<?>[] {long.class, long.class, char[].class}, session, CKU_USER, pin);
        } catch (Pkcs11CallException e) {
            if (e.code != CKR_USER_ALREADY_LOGGED_IN) {
                closeSession(session);
                if (e.code == CKR_PIN_INCORRECT) {
                    throw new SigningException("the token refused the PIN (CKR_PIN_INCORRECT); check the PIN file. "
                            + "Several wrong PINs in a row lock the token", e);
                }
                throw new SigningException("could not log in to the token: " + e.getMessage(), e);
            }
        }
        return session;
    }

    void closeSession(long session) {
        try {
            call("C_CloseSession", new Class<?>[] {long.class}, session);
        } catch (RuntimeException e) {
            // Closing is best effort.
        }
    }

    /** An object found on the token. */
    record TokenObject(long handle, byte[] id, String label) {
    }

    List<TokenObject> find(long session, long objectClass) {
        Object template = java.lang.reflect.Array.newInstance(attributeClass, 1);
        java.lang.reflect.Array.set(template, 0, newAttr(attrLong, CKA_CLASS, objectClass));
        Class<?> arrayClass = template.getClass();
        call("C_FindObjectsInit", new Class<?>[] {long.class, arrayClass}, session, template);
        List<Long> handles = new ArrayList<>();
        try {
            while (true) {
                long[] batch = (long[]) call("C_FindObjects", new Class<?>[] {long.class, long.class}, session, 32L);
                if (batch == null || batch.length == 0) {
                    break;
                }
                for (long h : batch) {
                    handles.add(h);
                }
            }
        } finally {
            call("C_FindObjectsFinal", new Class<?>[] {long.class}, session);
        }
        List<TokenObject> result = new ArrayList<>();
        for (long h : handles) {
            byte[] id = attributeBytes(session, h, CKA_ID);
            byte[] label = attributeBytes(session, h, CKA_LABEL);
            result.add(new TokenObject(h, id, label == null ? null : new String(label, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return result;
    }

    byte[] attributeBytes(long session, long handle, long type) {
        Object attrs = java.lang.reflect.Array.newInstance(attributeClass, 1);
        java.lang.reflect.Array.set(attrs, 0, newAttr(attrType, type));
        try {
            call("C_GetAttributeValue", new Class<?>[] {long.class, long.class, attrs.getClass()}, session, handle, attrs);
            Object a = java.lang.reflect.Array.get(attrs, 0);
            Object v = attributeClass.getField("pValue").get(a);
            if (v instanceof byte[] b) {
                return b;
            }
            if (v instanceof char[] c) {
                return new String(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return null;
        } catch (Pkcs11CallException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new SigningException("cannot read a token attribute", e);
        }
    }

    byte[] sign(long session, long keyHandle, long mechanism, Object pssParams, byte[] data) {
        try {
            Object mech = mechanismClass.getConstructor(long.class).newInstance(mechanism);
            if (pssParams != null) {
                mechanismClass.getMethod("setParameter", classOf("CK_RSA_PKCS_PSS_PARAMS")).invoke(mech, pssParams);
            }
            call("C_SignInit", new Class<?>[] {long.class, mechanismClass, long.class}, session, mech, keyHandle);
            return (byte[]) call("C_Sign", new Class<?>[] {long.class, byte[].class}, session, data);
        } catch (InvocationTargetException e) {
            throw new SigningException("the token could not sign: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SigningException("the token could not sign: " + e, e);
        }
    }

    Object pssParams(String hash, int saltLength) {
        try {
            return classOf("CK_RSA_PKCS_PSS_PARAMS").getConstructor(String.class, String.class, String.class, int.class)
                    .newInstance(hash, "MGF1", hash, saltLength);
        } catch (ReflectiveOperationException e) {
            throw new SigningException("RSA-PSS parameters cannot be built for this token: " + e, e);
        }
    }

    private Object newAttr(Constructor<?> c, Object... args) {
        try {
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new SigningException("cannot build a PKCS#11 attribute", e);
        }
    }

    private static Class<?> classOf(String simpleName) {
        try {
            return Class.forName(PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new SigningException("the JDK's PKCS#11 wrapper lacks " + simpleName, e);
        }
    }

    private Object call(String name, Class<?>[] types, Object... args) {
        try {
            Method m = p11.getClass().getMethod(name, types);
            return m.invoke(p11, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            long code = -1;
            try {
                code = (long) cause.getClass().getMethod("getErrorCode").invoke(cause);
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // Not a PKCS11Exception.
            }
            throw new Pkcs11CallException(name + " failed: " + cause.getMessage(), code, cause);
        } catch (ReflectiveOperationException e) {
            throw new SigningException("the JDK's PKCS#11 wrapper has no usable " + name, e);
        }
    }

    /** A PKCS#11 function returned an error code. */
    static final class Pkcs11CallException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long code;

        Pkcs11CallException(String message, long code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }
}
