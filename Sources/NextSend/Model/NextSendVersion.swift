/// The version of NextSend, as `nextsend --version` prints it.
public enum NextSendVersion {
    public static let current = "0.2.0"
}
