package dev.cadenza.cli;

/**
 * Bad input found by the command line itself (a missing file, an unknown file ending).
 * The message is complete as it stands: it is printed alone on stderr, exit code 2.
 */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
