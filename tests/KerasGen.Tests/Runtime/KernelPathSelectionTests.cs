using System;
using KerasGen.Tests.Models;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>CI runs the suite under DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0; this
/// proves each setting really moves Predict's automatic choice off the wider paths.</summary>
public class KernelPathSelectionTests
{
    [Fact]
    public void Automatic_path_follows_the_runtime_switches()
    {
        var path = PimaModel.ActivePath;
        if (Disabled("DOTNET_EnableHWIntrinsic")) Assert.Equal(KernelPath.Scalar, path);
        else if (Disabled("DOTNET_EnableAVX2")) Assert.True(path is KernelPath.Vector128 or KernelPath.Scalar, path.ToString());
        else if (Disabled("DOTNET_EnableAVX512")) Assert.True(path is KernelPath.Vector256 or KernelPath.Vector128, path.ToString());
        Assert.Equal(path, MnistMlp.ActivePath);
    }

    private static bool Disabled(string variable) => Environment.GetEnvironmentVariable(variable) == "0";
}
