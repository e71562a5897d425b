namespace SMBench.Daemon.Cluster;

/// <summary>
/// Marks a message that may cross nodes; <see cref="ClusterMessageSerializer"/> is bound to it, so none of them falls
/// back to Akka's default JSON serializer.
/// </summary>
public interface IClusterMessage;
