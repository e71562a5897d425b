Console.WriteLine("smbench");
