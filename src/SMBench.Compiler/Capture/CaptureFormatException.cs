namespace SMBench.Compiler.Capture;

/// <summary>
/// The input could not be read as a capture (or loadfile). The message names the file and, where known, the frame
/// or line, so a user can open the same spot in Wireshark or an editor.
/// </summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException(string message) : base(message) { }

    public CaptureFormatException(string message, Exception inner) : base(message, inner) { }

    public CaptureFormatException() { }
}
