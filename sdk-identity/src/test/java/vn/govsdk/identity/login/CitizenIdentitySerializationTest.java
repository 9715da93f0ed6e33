package vn.govsdk.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The logged-in identity survives a session store's serialization, and its description stays masked. */
class CitizenIdentitySerializationTest {

    @Test
    void roundTripKeepsEveryValueAndTheMaskedDescription() throws Exception {
        CitizenIdentity identity = new CitizenIdentity("sub-079203012345", Optional.of("TECH-889977"),
                AccountType.CITIZEN, Optional.of("079203012345"), Optional.of(PersonalIdKind.CITIZEN_ID),
                Optional.of("Nguyễn Văn An"), Optional.of(LocalDate.of(2003, 5, 1)), Optional.empty(),
                Optional.empty(), Optional.of(CitizenIdentity.VNEID_LOGIN_PROVIDER), Optional.of("LoA2"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(identity);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isInstanceOf(CitizenIdentity.class).isEqualTo(identity);
        CitizenIdentity read = (CitizenIdentity) back;
        assertThat(read.citizenId()).isPresent();
        assertThat(read.loggedInWithVneid()).isTrue();
        String text = read.toString();
        assertThat(text).isEqualTo(identity.toString())
                .doesNotContain("079203012345").doesNotContain("Nguyễn Văn An").doesNotContain("2003")
                .doesNotContain("TECH-889977").contains("LoA2");
    }
}
