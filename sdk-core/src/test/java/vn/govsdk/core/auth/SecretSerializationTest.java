package vn.govsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A secret survives a session store's serialization and stays masked; an empty one in a stream is refused. */
class SecretSerializationTest {

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    @Test
    void roundTripKeepsTheValueAndTheMask() throws Exception {
        Secret secret = Secret.of("synthetic-session-token");
        Object back = deserialize(serialize(secret));
        assertThat(back).isInstanceOf(Secret.class).isEqualTo(secret);
        assertThat(((Secret) back).value()).isEqualTo("synthetic-session-token");
        assertThat(back.toString()).isEqualTo("***");
    }

    @Test
    void aStreamWithAnEmptySecretIsRefused() throws Exception {
        // Serialize a one-character secret and patch its value to an empty string in the stream: the
        // modified UTF length 1 + 'x' becomes length 0 (the stream then ends one byte early, which the
        // reader tolerates), so only the validation in readObject stands between it and an empty secret.
        byte[] b = serialize(Secret.of("x"));
        byte[] marker = new byte[] {0x74, 0x00, 0x01, 'x'};
        int at = indexOf(b, marker);
        assertThat(at).isPositive();
        byte[] patched = new byte[b.length - 1];
        System.arraycopy(b, 0, patched, 0, at);
        patched[at] = 0x74;
        patched[at + 1] = 0x00;
        patched[at + 2] = 0x00;
        System.arraycopy(b, at + 4, patched, at + 3, b.length - at - 4);
        assertThatThrownBy(() -> deserialize(patched)).isInstanceOf(InvalidObjectException.class)
                .hasMessageContaining("must not be empty");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
