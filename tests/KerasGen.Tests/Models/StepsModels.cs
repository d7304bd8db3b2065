namespace KerasGen.Tests.Models;

// The models of Fixtures/steps.json (tests/reference/make_steps_fixtures.js): input steps None, Predict(x, y, steps).

[Sequential]
[Conv1D(8, 3, Padding = "same", Activation = "relu", InputShape = new[] { -1, 5 })]
[Conv1D(4, 2)]
[MaxPooling1D(2)]
[Dense(3, Activation = "softmax")]
public partial class StepsConvPoolDense;

[Sequential]
[Conv1D(6, 3, DilationRate = 2, Activation = "tanh", InputShape = new[] { -1, 3 })]
[AveragePooling1D(2, Padding = "same")]
[GlobalMaxPooling1D]
[Dense(2)]
public partial class StepsDilatedGlobalDense;

// The seed's Keras 1 form: InputDim with no InputLength.
[Sequential]
[Convolution1D(16, 3, BorderMode = "same", InputDim = 4)]
[Convolution1D(8, 3, BorderMode = "same", SubsampleLength = 2)]
[GlobalAveragePooling1D]
[Dense(1, Activation = "sigmoid")]
public partial class StepsKeras1Seed;
