using System.Net.Sockets;

namespace Lianxin.Tests.Support;

/// <summary>
/// A PostgreSQL server that can be switched off and on again from a test: a Unix socket (<c>Host=</c><see cref="Folder"/>)
/// forwarding to the real server's socket. <see cref="Stop"/> removes the socket and cuts every open connection, as a
/// stopped server does to its clients; <see cref="Start"/> listens again.
/// </summary>
public sealed class UnixSocketProxy : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lx-proxy-").FullName;
    readonly string target;
    readonly string path;
    readonly List<Socket> open = [];
    Socket? listener;

    public UnixSocketProxy(string targetSocket, int port)
    {
        target = targetSocket;
        path = Path.Combine(Folder, $".s.PGSQL.{port}");
        Start();
    }

    public void Start()
    {
        File.Delete(path);
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(64);
        _ = AcceptAsync(listener);
    }

    public void Stop()
    {
        listener?.Dispose();
        listener = null;
        File.Delete(path);
        lock (open)
        {
            foreach (var s in open) s.Dispose();
            open.Clear();
        }
    }

    async Task AcceptAsync(Socket from)
    {
        while (true)
        {
            Socket client;
            try { client = await from.AcceptAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try { await server.ConnectAsync(new UnixDomainSocketEndPoint(target)); }
            catch (SocketException) { client.Dispose(); server.Dispose(); continue; }
            lock (open) { open.Add(client); open.Add(server); }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer)) > 0) await to.SendAsync(buffer.AsMemory(0, n));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        from.Dispose();
        to.Dispose();
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(Folder, true);
    }
}
