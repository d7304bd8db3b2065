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

// One architecture with unknown steps and with two fixed lengths, for what the TF.js fixtures lack: causal padding,
// groups, glu, strided pooling with same padding, a per-step Activation and a Dropout.
[Sequential]
[Conv1D(8, 3, Padding = "causal", DilationRate = 2, Groups = 2, Activation = "glu", InputShape = new[] { -1, 6 })]
[Dropout(0.3)]
[AveragePooling1D(3, Strides = 2, Padding = "same")]
[Conv1D(6, 1, Activation = "elu")]
[Activation("softmax")]
public partial class StepsCausalGroupsGlu;

[Sequential]
[Conv1D(8, 3, Padding = "causal", DilationRate = 2, Groups = 2, Activation = "glu", InputShape = new[] { 6, 6 })]
[Dropout(0.3)]
[AveragePooling1D(3, Strides = 2, Padding = "same")]
[Conv1D(6, 1, Activation = "elu")]
[Activation("softmax")]
public partial class StepsCausalGroupsGlu6;

[Sequential]
[Conv1D(8, 3, Padding = "causal", DilationRate = 2, Groups = 2, Activation = "glu", InputShape = new[] { 13, 6 })]
[Dropout(0.3)]
[AveragePooling1D(3, Strides = 2, Padding = "same")]
[Conv1D(6, 1, Activation = "elu")]
[Activation("softmax")]
public partial class StepsCausalGroupsGlu13;
