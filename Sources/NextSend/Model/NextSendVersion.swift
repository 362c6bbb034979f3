/// The version of NextSend, as `nextsend --version` prints it; openapi.yaml's `info.version` is the same (a test compares them).
public enum NextSendVersion {
    public static let current = "0.4.0"
}
