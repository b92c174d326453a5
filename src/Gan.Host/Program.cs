using Gan.Engine.Native;
using TorchSharp;
TorchNativeLoader.EnsureLoaded();
var x = torch.randn(3, 3);
Console.WriteLine(x.sum().item<float>());
