package vn.govsdk.core.internal.http;

import java.io.InterruptedIOException;

/** The call deadline passed before the next attempt could start. */
final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(String message) {
        super(message);
    }
}
